using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Bpm.Workers.Sdk;

/// <summary>The worker host's calls to the engine besides tasks: publishing its activity catalog.</summary>
public sealed class EngineClient(HttpClient client)
{
    public const string ApiKeyHeader = "x-api-key";

    public static void Configure(HttpClient client, WorkerOptions options)
    {
        client.BaseAddress = new Uri(options.Http.EngineUrl.TrimEnd('/') + "/");
        if (!string.IsNullOrEmpty(options.Http.ApiKey)) client.DefaultRequestHeaders.Add(ApiKeyHeader, options.Http.ApiKey);
    }

    /// <summary>Replaces the templates this source published before with <paramref name="templates"/>.</summary>
    public async Task PublishTemplatesAsync(string source, IReadOnlyList<JsonObject> templates, CancellationToken cancellationToken)
    {
        using var response = await client.PutAsJsonAsync($"api/activity-templates/{Uri.EscapeDataString(source)}", templates, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new EngineCallException($"The engine refused the activity catalog: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }
}
