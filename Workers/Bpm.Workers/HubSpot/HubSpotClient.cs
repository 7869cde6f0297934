using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bpm.Workers.Integrations;
using Microsoft.Extensions.Options;

namespace Bpm.Workers.HubSpot;

/// <summary>HubSpot CRM: upserts a contact by email (<c>POST /crm/v3/objects/contacts/batch/upsert</c>).</summary>
public sealed class HubSpotClient(HttpClient http, IOptions<HubSpotOptions> options)
{
    public const string Service = "HubSpot";

    /// <summary>Creates or updates the contact with <paramref name="email"/>; returns its id.</summary>
    public Task<string> UpsertContactAsync(string email, IReadOnlyDictionary<string, string> properties, CancellationToken cancellationToken) =>
        HttpResponseChecks.CallAsync(Service, async () =>
        {
            var o = options.Value;
            var token = Endpoint.Require(o.AccessToken, $"HubSpot access token ({HubSpotOptions.Section}:AccessToken)");
            var props = new JsonObject();
            foreach (var (name, value) in properties) props[name] = value;
            props["email"] = email;
            var body = new JsonObject
            {
                ["inputs"] = new JsonArray(new JsonObject { ["idProperty"] = "email", ["id"] = email, ["properties"] = props }),
            };
            using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint.Combine(o.BaseUrl, "crm/v3/objects/contacts/batch/upsert"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Content = JsonContent.Create(body);
            using var response = await http.SendAsync(request, cancellationToken);
            await response.EnsureSuccessAsync(Service, cancellationToken);
            var json = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            return json?["results"]?[0]?["id"]?.ToString()
                ?? throw new IntegrationException(IntegrationFailureKind.Rejected, $"{Service} upserted the contact but returned no id", json?.ToJsonString());
        }, cancellationToken);
}
