using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bpm.Workers.Integrations;
using Microsoft.Extensions.Options;

namespace Bpm.Workers.Stripe;

/// <summary>Stripe's checkout sessions: create (<c>POST /v1/checkout/sessions</c>) and expire, form-encoded with the secret key.</summary>
public sealed class StripeClient(HttpClient http, IOptions<StripeOptions> options)
{
    public const string Service = "Stripe";

    /// <summary>Creates a session; <paramref name="idempotencyKey"/> makes a retried task get the same session back.</summary>
    public Task<StripeCheckoutSession> CreateCheckoutSessionAsync(IEnumerable<KeyValuePair<string, string>> form, string idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync("v1/checkout/sessions", form, idempotencyKey, cancellationToken);

    public Task<StripeCheckoutSession> ExpireCheckoutSessionAsync(string sessionId, CancellationToken cancellationToken) =>
        SendAsync($"v1/checkout/sessions/{Uri.EscapeDataString(sessionId)}/expire", [], null, cancellationToken);

    private Task<StripeCheckoutSession> SendAsync(string path, IEnumerable<KeyValuePair<string, string>> form, string? idempotencyKey, CancellationToken cancellationToken) =>
        HttpResponseChecks.CallAsync(Service, async () =>
        {
            var o = options.Value;
            var key = Endpoint.Require(o.SecretKey, $"Stripe secret key ({StripeOptions.Section}:SecretKey)");
            using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint.Combine(o.BaseUrl, path));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
            request.Content = new FormUrlEncodedContent(form);
            using var response = await http.SendAsync(request, cancellationToken);
            await response.EnsureSuccessAsync(Service, cancellationToken);
            var json = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            var id = json?["id"]?.ToString()
                ?? throw new IntegrationException(IntegrationFailureKind.Rejected, $"{Service} answered without a session id", json?.ToJsonString());
            return new StripeCheckoutSession(id, json?["url"]?.ToString(), json?["status"]?.ToString());
        }, cancellationToken);
}
