using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Bpm.Workers.Integrations;
using Microsoft.Extensions.Options;

namespace Bpm.Workers.Twilio;

/// <summary>Twilio's REST API: places an outbound voice call (<c>POST /2010-04-01/Accounts/{sid}/Calls.json</c>).</summary>
public sealed class TwilioClient(HttpClient http, IOptions<TwilioOptions> options)
{
    public const string Service = "Twilio";

    /// <summary>Places a call to <paramref name="to"/> running the configured TwiML; returns the call's sid.</summary>
    public Task<string> CreateCallAsync(string to, CancellationToken cancellationToken) =>
        HttpResponseChecks.CallAsync(Service, async () =>
        {
            var o = options.Value;
            var sid = Endpoint.Require(o.AccountSid, $"Twilio account sid ({TwilioOptions.Section}:AccountSid)");
            var token = Endpoint.Require(o.AuthToken, $"Twilio auth token ({TwilioOptions.Section}:AuthToken)");
            var from = Endpoint.Require(o.FromNumber, $"Twilio caller number ({TwilioOptions.Section}:FromNumber)");
            var voiceUrl = Endpoint.Require(o.ResolveVoiceUrl(), $"{TwilioOptions.VoiceUrlVariable} ({TwilioOptions.Section}:VoiceUrl)");
            using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint.Combine(o.BaseUrl, $"2010-04-01/Accounts/{Uri.EscapeDataString(sid)}/Calls.json"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sid}:{token}")));
            request.Content = new FormUrlEncodedContent([new("To", to), new("From", from), new("Url", voiceUrl)]);
            using var response = await http.SendAsync(request, cancellationToken);
            await response.EnsureSuccessAsync(Service, cancellationToken);
            var json = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            return json?["sid"]?.ToString()
                ?? throw new IntegrationException(IntegrationFailureKind.Rejected, $"{Service} created a call but returned no sid", json?.ToJsonString());
        }, cancellationToken);
}
