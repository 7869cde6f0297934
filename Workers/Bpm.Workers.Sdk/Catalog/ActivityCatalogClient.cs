using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Bpm.Workers.Sdk.Catalog;

/// <summary>Publishes a worker host's activities to the engine's catalog.</summary>
public sealed class ActivityCatalogClient(HttpClient client)
{
    /// <summary>Replaces the templates this source published before with <paramref name="templates"/>.</summary>
    public async Task PublishTemplatesAsync(string source, IReadOnlyList<JsonObject> templates, CancellationToken cancellationToken)
    {
        using var response = await client.PutAsJsonAsync($"api/activity-templates/{Uri.EscapeDataString(source)}", templates, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new EngineCallException($"The engine refused the activity catalog: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }
}
