using System.Text.Json.Nodes;

namespace Bpm.Engine.Scripting;

/// <summary>What a script produced: its value, the variables it set, or why it failed.</summary>
public sealed record ScriptOutcome(JsonNode? Result, JsonObject VariablesSet, string? Error)
{
    public bool IsSuccess => Error is null;
    public static ScriptOutcome Fail(string error) => new(null, [], error);
}
