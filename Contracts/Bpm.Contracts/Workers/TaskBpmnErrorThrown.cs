using System.Text.Json.Nodes;

namespace Bpm.Contracts.Workers;

/// <summary>A worker reports a business error, caught in the model by an error event with the same code.</summary>
public sealed record TaskBpmnErrorThrown : TaskResult
{
    public required string ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
    public JsonObject? Variables { get; init; }
}
