using System.Text.Json.Nodes;

namespace Bpm.Contracts.Workers;

/// <summary>
/// A service task handed to a worker pool over a message transport (Kafka, MassTransit). The lock token
/// identifies this delivery: a result is applied only with the token of the task's current lock, so a
/// late answer to an earlier delivery is refused.
/// </summary>
public sealed record TaskActivated
{
    public int Version { get; init; } = WorkerMessages.Version;
    public required string TaskId { get; init; }
    public required string Topic { get; init; }
    public required string LockToken { get; init; }
    public required DateTimeOffset LockExpiration { get; init; }
    public required string ProcessInstanceId { get; init; }
    public required string ProcessDefinitionId { get; init; }
    public required string ProcessDefinitionKey { get; init; }
    public required string ActivityId { get; init; }
    public string? BusinessKey { get; init; }
    public string? TenantId { get; init; }
    /// <summary>Retries left; <c>null</c> when the model sets no retry policy.</summary>
    public int? Retries { get; init; }
    /// <summary>How many times this task has been handed out, this delivery included.</summary>
    public int Attempt { get; init; } = 1;
    public long Priority { get; init; }
    /// <summary>The task's variables as plain JSON values.</summary>
    public JsonObject Variables { get; init; } = [];
    /// <summary>W3C trace context of the engine span that activated the task.</summary>
    public string? TraceParent { get; init; }
    public string? TraceState { get; init; }
}
