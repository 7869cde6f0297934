using System.Text.Json.Nodes;

namespace Bpm.Engine.Expressions;

/// <summary>
/// FEEL operators on temporal values: date and time (or date) plus or minus duration, duration plus date and time,
/// difference of two date and times (or dates) as a duration, sums and differences of durations, duration times or
/// divided by a number; comparison of two values of the same temporal type by instant or length.
/// Null operands are handled by the caller. Failures carry the bare problem.
/// </summary>
internal static class TemporalOperators
{
    public static ExpressionResult<Temporal> Arithmetic(BinaryOperator op, string symbol, Temporal? l, JsonNode left, Temporal? r, JsonNode right)
    {
        const TemporalKind duration = TemporalKind.Duration;
        switch (op)
        {
            case BinaryOperator.Add when l is { Kind: not duration } instant && r is { Kind: duration } length:
                return Temporal.FromMillis(instant.Kind, (decimal)instant.Millis + length.Millis);
            case BinaryOperator.Add when l is { Kind: duration } length && r is { Kind: not duration } instant:
                return Temporal.FromMillis(instant.Kind, (decimal)instant.Millis + length.Millis);
            case BinaryOperator.Subtract when l is { Kind: not duration } instant && r is { Kind: duration } length:
                return Temporal.FromMillis(instant.Kind, (decimal)instant.Millis - length.Millis);
            case BinaryOperator.Subtract when l is { Kind: not duration } a && r is { } b && a.Kind == b.Kind:
                return Temporal.FromMillis(duration, (decimal)a.Millis - b.Millis);
            case BinaryOperator.Add when l is { Kind: duration } a && r is { Kind: duration } b:
                return Temporal.FromMillis(duration, (decimal)a.Millis + b.Millis);
            case BinaryOperator.Subtract when l is { Kind: duration } a && r is { Kind: duration } b:
                return Temporal.FromMillis(duration, (decimal)a.Millis - b.Millis);
            case BinaryOperator.Multiply when l is { Kind: duration } a && r is null && JsonValues.TryGetNumber(right, out var times):
                return Scale(a, times, symbol);
            case BinaryOperator.Multiply when r is { Kind: duration } a && l is null && JsonValues.TryGetNumber(left, out var times):
                return Scale(a, times, symbol);
            case BinaryOperator.Divide when l is { Kind: duration } a && r is null && JsonValues.TryGetNumber(right, out var divisor):
                return divisor == 0 ? ExpressionResult<Temporal>.Fail("division by zero") : Scale(a, 1 / divisor, symbol);
            default:
                return ExpressionResult<Temporal>.Fail(Mismatch(symbol, l, left, r, right));
        }
    }

    /// <summary>Ordering of two values of the same temporal type; anything else is a mismatch.</summary>
    public static ExpressionResult<int> Compare(string symbol, Temporal? l, JsonNode left, Temporal? r, JsonNode right) =>
        l is { } a && r is { } b && a.Kind == b.Kind
            ? ExpressionResult<int>.Ok(a.Millis.CompareTo(b.Millis))
            : ExpressionResult<int>.Fail(Mismatch(symbol, l, left, r, right));

    public static string Mismatch(string symbol, Temporal? l, JsonNode? left, Temporal? r, JsonNode? right) =>
        $"operator '{symbol}' cannot be applied to {l?.TypeName ?? JsonValues.TypeName(left)} and {r?.TypeName ?? JsonValues.TypeName(right)}";

    private static ExpressionResult<Temporal> Scale(Temporal length, decimal factor, string symbol)
    {
        try
        {
            return Temporal.FromMillis(TemporalKind.Duration, length.Millis * factor);
        }
        catch (OverflowException)
        {
            return ExpressionResult<Temporal>.Fail($"the result of operator '{symbol}' is outside the supported duration range");
        }
    }
}
