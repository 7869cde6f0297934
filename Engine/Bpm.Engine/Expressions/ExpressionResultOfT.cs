namespace Bpm.Engine.Expressions;

/// <summary>A typed evaluation outcome, such as a condition's boolean; <see cref="Value"/> is default on failure.</summary>
public readonly record struct ExpressionResult<T>(T Value, string? Error)
{
    public bool IsSuccess => Error is null;

    public static ExpressionResult<T> Ok(T value) => new(value, null);

    public static ExpressionResult<T> Fail(string error) => new(default!, error);
}
