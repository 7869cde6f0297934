using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bpm.Workers.Integrations;
using Bpm.Workers.Sdk;

namespace Bpm.Workers.Processes;

/// <summary>Starts process instances on the engine through its Camunda 7 REST API (the worker's engine URL and key).</summary>
public sealed class EngineProcessClient(HttpClient http, WorkerOptions options)
{
    public const string Service = "The engine";

    /// <summary>Starts the latest version of <paramref name="processKey"/>; returns the new instance's id.</summary>
    public Task<string> StartAsync(string processKey, string? businessKey, JsonObject variables, CancellationToken cancellationToken) =>
        HttpResponseChecks.CallAsync(Service, async () =>
        {
            var typed = new JsonObject();
            foreach (var (name, value) in variables) typed[name] = Typed(value);
            var body = new JsonObject { ["variables"] = typed };
            if (businessKey is not null) body["businessKey"] = businessKey;
            var url = Endpoint.Combine(options.Http.EngineUrl, $"engine-rest/process-definition/key/{Uri.EscapeDataString(processKey)}/start");
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
            if (!string.IsNullOrEmpty(options.Http.ApiKey)) request.Headers.Add(EngineConnection.ApiKeyHeader, options.Http.ApiKey);
            using var response = await http.SendAsync(request, cancellationToken);
            await response.EnsureSuccessAsync($"{Service} (start {processKey})", cancellationToken);
            var json = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            return json?["id"]?.ToString()
                ?? throw new IntegrationException(IntegrationFailureKind.Rejected, $"{Service} started {processKey} but returned no id", json?.ToJsonString());
        }, cancellationToken);

    private static JsonObject Typed(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => new JsonObject { ["value"] = null, ["type"] = "Null" },
        JsonValueKind.String => new JsonObject { ["value"] = value.DeepClone(), ["type"] = "String" },
        JsonValueKind.True or JsonValueKind.False => new JsonObject { ["value"] = value.DeepClone(), ["type"] = "Boolean" },
        JsonValueKind.Number when value.AsValue().TryGetValue<long>(out var l) => new JsonObject { ["value"] = l, ["type"] = "Long" },
        JsonValueKind.Number => new JsonObject { ["value"] = value.DeepClone(), ["type"] = "Double" },
        _ => new JsonObject { ["value"] = value.ToJsonString(), ["type"] = "Json" },
    };
}
