using System.Text.Json;
using System.Text.Json.Nodes;
using Bpm.Contracts.Workers;

namespace Bpm.Workers.Sdk;

/// <summary>What a handler decided: complete, fail or throw a BPMN error.</summary>
public abstract record TaskOutcome
{
    public static TaskOutcome Complete(object? variables = null) => new Completed(ToJson(variables));

    /// <summary>
    /// A failure. <paramref name="retries"/> left and <paramref name="retryAfter"/> override the model's
    /// retry policy; without them the model's policy applies (one retry fewer, its backoff).
    /// </summary>
    public static TaskOutcome Fail(string message, string? details = null, int? retries = null, TimeSpan? retryAfter = null) =>
        new Failed(message, details, retries, retryAfter);

    /// <summary>A business error, caught in the model by an error event with this code.</summary>
    public static TaskOutcome BpmnError(string code, string? message = null, object? variables = null) =>
        new BpmnErrorThrown(code, message, ToJson(variables));

    public sealed record Completed(JsonObject? Variables) : TaskOutcome;
    public sealed record Failed(string Message, string? Details, int? Retries, TimeSpan? RetryAfter) : TaskOutcome;
    public sealed record BpmnErrorThrown(string Code, string? Message, JsonObject? Variables) : TaskOutcome;

    /// <summary>Turns variables (a dictionary, an anonymous object, a record) into a JSON object of process variables.</summary>
    public static JsonObject? ToJson(object? variables) => variables switch
    {
        null => null,
        JsonObject json => json,
        _ => JsonSerializer.SerializeToNode(variables, WorkerMessages.Json) as JsonObject
            ?? throw new ArgumentException($"Variables must serialize to a JSON object, not {variables.GetType().Name}", nameof(variables)),
    };
}
