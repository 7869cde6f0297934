namespace Bpm.Engine.Expressions;

/// <summary>
/// A parsed expression, FEEL (Camunda 8) or JUEL (Camunda 7), or literal text. Immutable: parse once, evaluate
/// concurrently. Evaluation never throws for problems the model causes; it returns a failure value.
/// </summary>
public sealed class Expression
{
    private readonly ExpressionNode _root;

    private Expression(string text, ExpressionDialect dialect, ExpressionNode root)
    {
        Text = text;
        Dialect = dialect;
        _root = root;
    }

    public string Text { get; }

    public ExpressionDialect Dialect { get; }

    public bool IsLiteral => Dialect == ExpressionDialect.Literal;

    /// <summary>
    /// Text starting with <c>=</c> (leading whitespace aside) is FEEL; text containing <c>${</c> or <c>#{</c> is JUEL,
    /// a single <c>${...}</c> giving its value and anything else a string template; all other text is a string constant.
    /// </summary>
    /// <exception cref="ExpressionSyntaxException">The text is not a valid expression, longer than 10,000 characters, or nested deeper than 200 levels.</exception>
    public static Expression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > ExpressionLimits.MaxTextLength)
        {
            throw new ExpressionSyntaxException(
                $"expression is longer than {ExpressionLimits.MaxTextLength} characters", ExpressionLimits.MaxTextLength, text);
        }
        var start = text.Length - text.TrimStart().Length;
        if (start < text.Length && text[start] == '=') return new Expression(text, ExpressionDialect.Feel, FeelParser.Parse(text, start + 1));
        if (text.Contains("${", StringComparison.Ordinal) || text.Contains("#{", StringComparison.Ordinal))
            return new Expression(text, ExpressionDialect.Juel, JuelTemplateParser.Parse(text));
        return new Expression(text, ExpressionDialect.Literal, new LiteralNode(JsonValues.String(text), 0));
    }

    /// <returns>The value, a copy the caller owns; or a failure naming the problem.</returns>
    public ExpressionResult Evaluate(IVariableLookup variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var result = new ExpressionEvaluator(variables, Dialect, Text).Evaluate(_root);
        return result.IsSuccess ? ExpressionResult.Ok(result.Value?.DeepClone()) : result;
    }

    /// <summary>For conditions on sequence flows: anything but a JSON boolean, null included, is a failure.</summary>
    public ExpressionResult<bool> EvaluateCondition(IVariableLookup variables)
    {
        var result = Evaluate(variables);
        if (!result.IsSuccess) return ExpressionResult<bool>.Fail(result.Error!);
        if (JsonValues.TryGetBoolean(result.Value, out var holds)) return ExpressionResult<bool>.Ok(holds);
        return ExpressionResult<bool>.Fail($"condition '{Text}' did not evaluate to a boolean but to {JsonValues.Describe(result.Value)}");
    }

    public override string ToString() => Text;
}
