using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bpm.Workers.Integrations;

namespace Bpm.Workers.ToolsApi;

/// <summary>The Tools API's sync endpoints: start a sync job, read its state.</summary>
public sealed class ToolsApiClient(HttpClient http)
{
    public const string Service = "Tools API";

    public Task<string> StartSyncAsync(ToolsApiEnvironment environment, string entity, JsonObject body, CancellationToken cancellationToken) =>
        HttpResponseChecks.CallAsync(Service, async () =>
        {
            using var request = Request(HttpMethod.Post, environment, $"chat/sync/{entity}");
            request.Content = JsonContent.Create(body);
            using var response = await http.SendAsync(request, cancellationToken);
            await response.EnsureSuccessAsync($"{Service} (POST /chat/sync/{entity})", cancellationToken);
            var json = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            var id = (json?["jobId"] ?? json?["id"] ?? json?["job"]?["id"])?.ToString();
            return string.IsNullOrEmpty(id)
                ? throw new IntegrationException(IntegrationFailureKind.Rejected, $"{Service} started a sync of {entity} but returned no job id", json?.ToJsonString())
                : id;
        }, cancellationToken);

    public Task<SyncJob> GetJobAsync(ToolsApiEnvironment environment, string jobId, CancellationToken cancellationToken) =>
        HttpResponseChecks.CallAsync(Service, async () =>
        {
            using var request = Request(HttpMethod.Get, environment, $"chat/sync/jobs/{Uri.EscapeDataString(jobId)}");
            using var response = await http.SendAsync(request, cancellationToken);
            await response.EnsureSuccessAsync($"{Service} (GET /chat/sync/jobs/{jobId})", cancellationToken);
            var json = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) ?? [];
            return SyncJob.From(json["job"] as JsonObject ?? json, jobId);
        }, cancellationToken);

    private static HttpRequestMessage Request(HttpMethod method, ToolsApiEnvironment environment, string path)
    {
        var request = new HttpRequestMessage(method, Endpoint.Combine(environment.BaseUrl!, path));
        request.Headers.Add("x-api-key", environment.ApiKey);
        return request;
    }
}
