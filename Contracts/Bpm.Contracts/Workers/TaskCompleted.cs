using System.Text.Json.Nodes;

namespace Bpm.Contracts.Workers;

/// <summary>A worker finished a task; <see cref="Variables"/> are set on the process instance.</summary>
public sealed record TaskCompleted : TaskResult
{
    public JsonObject? Variables { get; init; }
    public JsonObject? LocalVariables { get; init; }
}
