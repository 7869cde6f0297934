using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bpm.Workers.Integrations;
using Microsoft.Extensions.Options;

namespace Bpm.Workers.WhatsApp;

/// <summary>The WhatsApp Cloud API: sends a text message (<c>POST /{version}/{phone-number-id}/messages</c>).</summary>
public sealed class WhatsAppClient(HttpClient http, IOptions<WhatsAppOptions> options)
{
    public const string Service = "WhatsApp";

    /// <summary>Sends <paramref name="text"/> to <paramref name="to"/> (E.164); returns the message id.</summary>
    public Task<string> SendTextAsync(string to, string text, CancellationToken cancellationToken) =>
        HttpResponseChecks.CallAsync(Service, async () =>
        {
            var o = options.Value;
            var phoneNumberId = Endpoint.Require(o.PhoneNumberId, $"WhatsApp phone number id ({WhatsAppOptions.Section}:PhoneNumberId)");
            var token = Endpoint.Require(o.AccessToken, $"WhatsApp access token ({WhatsAppOptions.Section}:AccessToken)");
            using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint.Combine(o.BaseUrl, $"{o.ApiVersion}/{Uri.EscapeDataString(phoneNumberId)}/messages"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Content = JsonContent.Create(new JsonObject
            {
                ["messaging_product"] = "whatsapp",
                ["recipient_type"] = "individual",
                ["to"] = to.TrimStart('+'),
                ["type"] = "text",
                ["text"] = new JsonObject { ["preview_url"] = true, ["body"] = text },
            });
            using var response = await http.SendAsync(request, cancellationToken);
            await response.EnsureSuccessAsync(Service, cancellationToken);
            var json = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            return json?["messages"]?[0]?["id"]?.ToString()
                ?? throw new IntegrationException(IntegrationFailureKind.Rejected, $"{Service} accepted the message but returned no id", json?.ToJsonString());
        }, cancellationToken);
}
