using System.Text.Json.Nodes;

namespace Bpm.Workers.ToolsApi;

/// <summary>A Tools API sync job as <c>GET /chat/sync/jobs/{id}</c> reports it.</summary>
public sealed record SyncJob(string Id, string Status, string? ErrorMessage, JsonNode? Steps, JsonNode? Result)
{
    public bool Succeeded => Status is "completed" or "succeeded" or "success" or "done";
    public bool Failed => Status is "failed" or "error" or "cancelled";

    public static SyncJob From(JsonObject json, string fallbackId) => new(
        (json["id"] ?? json["jobId"])?.ToString() ?? fallbackId,
        json["status"]?.ToString().ToLowerInvariant() ?? "unknown",
        json["errorMessage"]?.ToString() ?? json["error_message"]?.ToString(),
        json["steps"]?.DeepClone(),
        json["result"]?.DeepClone());
}
