using System.Text.Json.Nodes;

namespace Bpm.Engine.Expressions;

/// <summary>The value an expression evaluated to, or why it could not be evaluated.</summary>
public readonly record struct ExpressionResult(JsonNode? Value, string? Error)
{
    public bool IsSuccess => Error is null;

    public static ExpressionResult Ok(JsonNode? value) => new(value, null);

    public static ExpressionResult Fail(string error) => new(null, error);
}
