namespace Bpm.Engine.Expressions;

/// <summary>Thrown by <see cref="Expression.Parse"/> when the text is not a valid expression.</summary>
public sealed class ExpressionSyntaxException : Exception
{
    private const int MaxQuotedLength = 200;

    public ExpressionSyntaxException(string problem, int position, string expressionText)
        : base($"{problem} at position {position} in expression '{Quote(expressionText)}'")
    {
        Problem = problem;
        Position = position;
        ExpressionText = expressionText;
    }

    /// <summary>What is wrong, without position or expression text.</summary>
    public string Problem { get; }

    /// <summary>Zero-based offset into <see cref="ExpressionText"/> where the problem was found.</summary>
    public int Position { get; }

    public string ExpressionText { get; }

    private static string Quote(string text) =>
        text.Length <= MaxQuotedLength ? text : string.Concat(text.AsSpan(0, MaxQuotedLength), "...");
}
