namespace Bpm.Engine.Expressions;

/// <summary>
/// What both parsers share: the current token, expectations that fail with a positioned syntax error,
/// left-associative operator chains, and the nesting limit that keeps recursion off the stack's edge.
/// </summary>
internal sealed class TokenCursor(ExpressionLexer lexer, string text)
{
    private int _depth;

    public Token Current => lexer.Peek();

    public Token Peek(int ahead) => lexer.Peek(ahead);

    public Token Next() => lexer.Next();

    public bool AcceptSymbol(string symbol)
    {
        if (!Current.IsSymbol(symbol)) return false;
        Next();
        return true;
    }

    public Token ExpectSymbol(string symbol) =>
        Current.IsSymbol(symbol) ? Next() : throw Unexpected($"'{symbol}'");

    public Token ExpectWord(string word) =>
        Current.IsWord(word) ? Next() : throw Unexpected($"'{word}'");

    public Token ExpectName() =>
        Current.Kind == TokenKind.Identifier ? Next() : throw Unexpected("a name");

    public void ExpectEnd()
    {
        if (Current.Kind != TokenKind.End) throw Error($"unexpected {Current.Describe()}", Current.Position);
    }

    public ExpressionSyntaxException Unexpected(string expected) =>
        Error($"expected {expected} but found {Current.Describe()}", Current.Position);

    public ExpressionSyntaxException Error(string problem, int position) => new(problem, position, text);

    /// <summary>Parses <c>operand (operator operand)*</c>, grouping to the left; <paramref name="operatorOf"/> maps a token to its operator.</summary>
    public ExpressionNode LeftAssociative(Func<ExpressionNode> operand, Func<Token, BinaryOperator?> operatorOf)
    {
        var left = operand();
        while (operatorOf(Current) is { } op)
        {
            var symbol = Next();
            left = Limit(new BinaryNode(op, symbol.Text, left, operand(), symbol.Position));
        }
        return left;
    }

    /// <summary>Counts one level of parser recursion; call <see cref="Leave"/> when it returns.</summary>
    public void Enter()
    {
        if (++_depth > ExpressionLimits.MaxDepth) throw TooDeep(Current.Position);
    }

    public void Leave() => _depth--;

    /// <summary>Rejects a node whose subtree is deeper than the limit, as long operator chains are built without recursion.</summary>
    public T Limit<T>(T node) where T : ExpressionNode =>
        node.Depth > ExpressionLimits.MaxDepth ? throw TooDeep(node.Position) : node;

    private ExpressionSyntaxException TooDeep(int position) =>
        Error($"expression is nested deeper than {ExpressionLimits.MaxDepth} levels", position);
}
