using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bpm.Engine.Expressions;

/// <summary>
/// What the operators do to values, per dialect. FEEL is null-tolerant: an operand that is null makes the
/// result null. JUEL coerces as EL does: null is 0 in arithmetic, "" in concatenation, false in logic, and
/// ordering with null is false. In both, <c>+</c> concatenates when either side is a string (real JUEL only
/// adds numbers; Camunda 7 users write <c>'a' + b</c>). Any other type mismatch is a failure.
/// Failures carry the bare problem; the evaluator adds the expression.
/// </summary>
internal sealed class ExpressionOperators(ExpressionDialect dialect)
{
    private const int MaxExactExponent = 1000;

    private bool IsFeel => dialect == ExpressionDialect.Feel;

    public ExpressionResult Binary(BinaryOperator op, string symbol, JsonNode? left, JsonNode? right) => op switch
    {
        BinaryOperator.Equal => Ok(JsonValues.Boolean(JsonValues.DeepEquals(left, right))),
        BinaryOperator.NotEqual => Ok(JsonValues.Boolean(!JsonValues.DeepEquals(left, right))),
        BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual =>
            Compare(op, symbol, left, right),
        BinaryOperator.Add when IsString(left) || IsString(right) => Concatenate(symbol, left, right),
        _ => Arithmetic(op, symbol, left, right),
    };

    public ExpressionResult Unary(UnaryOperator op, string symbol, JsonNode? operand)
    {
        switch (op)
        {
            case UnaryOperator.Empty:
                return Ok(JsonValues.Boolean(operand switch
                {
                    null => true,
                    JsonArray array => array.Count == 0,
                    JsonObject obj => obj.Count == 0,
                    _ => JsonValues.TryGetString(operand, out var text) && text.Length == 0,
                }));
            case UnaryOperator.Not when IsFeel:
                if (operand is null) return Ok(null);
                return JsonValues.TryGetBoolean(operand, out var value)
                    ? Ok(JsonValues.Boolean(!value))
                    : Fail($"operator '{symbol}' cannot be applied to {JsonValues.TypeName(operand)}");
            case UnaryOperator.Not:
                var holds = JuelBoolean(symbol, operand);
                return holds.IsSuccess ? Ok(JsonValues.Boolean(!holds.Value)) : Fail(holds.Error!);
            default:
                if (operand is null && IsFeel) return Ok(null);
                if (operand is null) return Ok(JsonValues.Number(0));
                return JsonValues.TryGetNumber(operand, out var number)
                    ? Ok(JsonValues.Number(-number))
                    : Fail($"operator '{symbol}' cannot be applied to {JsonValues.TypeName(operand)}");
        }
    }

    /// <summary>EL's coercion to boolean: null is false, a string is true when it is "true" (any case); other types fail.</summary>
    public ExpressionResult<bool> JuelBoolean(string symbol, JsonNode? value)
    {
        if (value is null) return ExpressionResult<bool>.Ok(false);
        if (JsonValues.TryGetBoolean(value, out var holds)) return ExpressionResult<bool>.Ok(holds);
        if (JsonValues.TryGetString(value, out var text))
            return ExpressionResult<bool>.Ok(string.Equals(text, "true", StringComparison.OrdinalIgnoreCase));
        return ExpressionResult<bool>.Fail($"operator '{symbol}' expects a boolean but got {JsonValues.Describe(value)}");
    }

    private ExpressionResult Compare(BinaryOperator op, string symbol, JsonNode? left, JsonNode? right)
    {
        if (left is null || right is null) return Ok(IsFeel ? null : JsonValues.Boolean(false));
        int order;
        if (JsonValues.TryGetString(left, out var a) && JsonValues.TryGetString(right, out var b))
        {
            order = string.CompareOrdinal(a, b);
        }
        else if (Numbers(symbol, left, right, out var x, out var y) is { } problem)
        {
            return Fail(problem);
        }
        else
        {
            order = x.CompareTo(y);
        }
        return Ok(JsonValues.Boolean(op switch
        {
            BinaryOperator.Less => order < 0,
            BinaryOperator.LessOrEqual => order <= 0,
            BinaryOperator.Greater => order > 0,
            _ => order >= 0,
        }));
    }

    private ExpressionResult Concatenate(string symbol, JsonNode? left, JsonNode? right)
    {
        if (IsFeel && (left is null || right is null)) return Ok(null);
        if (left is JsonArray or JsonObject || right is JsonArray or JsonObject) return Mismatch(symbol, left, right);
        return Ok(JsonValues.String(JsonValues.ToText(left) + JsonValues.ToText(right)));
    }

    private ExpressionResult Arithmetic(BinaryOperator op, string symbol, JsonNode? left, JsonNode? right)
    {
        if (IsFeel && (left is null || right is null)) return Ok(null);
        if (Numbers(symbol, left ?? JsonValues.Number(0), right ?? JsonValues.Number(0), out var a, out var b) is { } problem)
            return Fail(problem);
        if (b == 0 && op is BinaryOperator.Divide or BinaryOperator.Modulo) return Fail("division by zero");
        try
        {
            return op switch
            {
                BinaryOperator.Add => Ok(JsonValues.Number(a + b)),
                BinaryOperator.Subtract => Ok(JsonValues.Number(a - b)),
                BinaryOperator.Multiply => Ok(JsonValues.Number(a * b)),
                BinaryOperator.Divide => Ok(JsonValues.Number(a / b)),
                BinaryOperator.Modulo => Ok(JsonValues.Number(a % b)),
                _ => Power(a, b),
            };
        }
        catch (OverflowException)
        {
            return Fail($"the result of operator '{symbol}' is outside the supported number range");
        }
    }

    /// <summary>Whole exponents up to 1000 are exact; others go through double.</summary>
    private static ExpressionResult Power(decimal value, decimal exponent)
    {
        if (exponent == decimal.Truncate(exponent) && Math.Abs(exponent) <= MaxExactExponent)
        {
            var result = 1m;
            var times = (int)Math.Abs(exponent);
            for (var i = 0; i < times; i++) result *= value;
            if (exponent >= 0) return Ok(JsonValues.Number(result));
            return result == 0 ? Fail("division by zero") : Ok(JsonValues.Number(1 / result));
        }
        var real = Math.Pow((double)value, (double)exponent);
        return JsonValues.TryGetNumber(JsonValue.Create(real), out var number)
            ? Ok(JsonValues.Number(number))
            : Fail($"{value} ** {exponent} is not a number in the supported range");
    }

    /// <returns>Null when both are numbers in decimal's range; otherwise the problem.</returns>
    private static string? Numbers(string symbol, JsonNode left, JsonNode right, out decimal a, out decimal b)
    {
        b = 0;
        if (JsonValues.TryGetNumber(left, out a) && JsonValues.TryGetNumber(right, out b)) return null;
        if (JsonValues.KindOf(left) == JsonValueKind.Number && JsonValues.KindOf(right) == JsonValueKind.Number)
            return $"a number used with operator '{symbol}' is outside the supported range";
        return $"operator '{symbol}' cannot be applied to {JsonValues.TypeName(left)} and {JsonValues.TypeName(right)}";
    }

    private static ExpressionResult Mismatch(string symbol, JsonNode? left, JsonNode? right) =>
        Fail($"operator '{symbol}' cannot be applied to {JsonValues.TypeName(left)} and {JsonValues.TypeName(right)}");

    private static bool IsString(JsonNode? node) => JsonValues.KindOf(node) == JsonValueKind.String;

    private static ExpressionResult Ok(JsonNode? value) => ExpressionResult.Ok(value);

    private static ExpressionResult Fail(string problem) => ExpressionResult.Fail(problem);
}
