namespace Bpm.Engine.Expressions;

/// <summary>
/// Parses one JUEL expression as Camunda 7 writes it inside <c>${...}</c>, lowest precedence first: <c>? :</c>, <c>|| or</c>,
/// <c>&amp;&amp; and</c>, <c>== != eq ne</c>, <c>&lt; &gt; &lt;= &gt;= lt gt le ge</c>, <c>+ -</c>,
/// <c>* / div % mod</c>, unary <c>- ! not empty</c>, then <c>a.b</c>, <c>a['b']</c>, <c>a[0]</c> on a primary.
/// </summary>
internal sealed class JuelParser
{
    private readonly TokenCursor _tokens;

    private JuelParser(string text, int start) =>
        _tokens = new TokenCursor(new ExpressionLexer(text, start, singleQuotedStrings: true, stopAtClosingBrace: true), text);

    /// <summary>Parses the expression opened by <c>${</c> or <c>#{</c> at <paramref name="openAt"/>.</summary>
    /// <returns>The expression, and the offset just after its closing <c>}</c>.</returns>
    public static (ExpressionNode Node, int End) ParseEmbedded(string text, int openAt)
    {
        var parser = new JuelParser(text, openAt + 2);
        var tokens = parser._tokens;
        if (tokens.Current.IsSymbol("}")) throw tokens.Error("empty expression", openAt);
        var node = parser.ParseExpression();
        var closing = tokens.Current;
        if (closing.Kind == TokenKind.End) throw tokens.Error($"'{text[openAt]}{{' is not closed by '}}'", openAt);
        if (!closing.IsSymbol("}")) throw tokens.Error($"unexpected {closing.Describe()}", closing.Position);
        return (node, closing.Position + 1);
    }

    private ExpressionNode ParseExpression()
    {
        _tokens.Enter();
        var condition = ParseOr();
        if (_tokens.Current.IsSymbol("?"))
        {
            var question = _tokens.Next();
            var whenTrue = ParseExpression();
            _tokens.ExpectSymbol(":");
            var whenFalse = ParseExpression();
            condition = _tokens.Limit(new ConditionalNode(condition, whenTrue, whenFalse, question.Position));
        }
        _tokens.Leave();
        return condition;
    }

    private ExpressionNode ParseOr() =>
        _tokens.LeftAssociative(ParseAnd, t => t.IsSymbol("||") || t.IsWord("or") ? BinaryOperator.Or : null);

    private ExpressionNode ParseAnd() =>
        _tokens.LeftAssociative(ParseEquality, t => t.IsSymbol("&&") || t.IsWord("and") ? BinaryOperator.And : null);

    private ExpressionNode ParseEquality() =>
        _tokens.LeftAssociative(ParseRelational, t => t.Operator switch
        {
            "==" or "eq" => BinaryOperator.Equal,
            "!=" or "ne" => BinaryOperator.NotEqual,
            _ => null,
        });

    private ExpressionNode ParseRelational() =>
        _tokens.LeftAssociative(ParseAdditive, t => t.Operator switch
        {
            "<" or "lt" => BinaryOperator.Less,
            "<=" or "le" => BinaryOperator.LessOrEqual,
            ">" or "gt" => BinaryOperator.Greater,
            ">=" or "ge" => BinaryOperator.GreaterOrEqual,
            _ => null,
        });

    private ExpressionNode ParseAdditive() =>
        _tokens.LeftAssociative(ParseMultiplicative, t => t.Operator switch
        {
            "+" => BinaryOperator.Add,
            "-" => BinaryOperator.Subtract,
            _ => null,
        });

    private ExpressionNode ParseMultiplicative() =>
        _tokens.LeftAssociative(ParseUnary, t => t.Operator switch
        {
            "*" => BinaryOperator.Multiply,
            "/" or "div" => BinaryOperator.Divide,
            "%" or "mod" => BinaryOperator.Modulo,
            _ => null,
        });

    private ExpressionNode ParseUnary()
    {
        var token = _tokens.Current;
        UnaryOperator? op = token.Operator switch
        {
            "-" => UnaryOperator.Negate,
            "!" or "not" => UnaryOperator.Not,
            "empty" => UnaryOperator.Empty,
            _ => null,
        };
        if (op is null) return ParsePath();
        _tokens.Next();
        _tokens.Enter();
        var operand = ParseUnary();
        _tokens.Leave();
        return _tokens.Limit(new UnaryNode(op.Value, token.Text, operand, token.Position));
    }

    private ExpressionNode ParsePath()
    {
        var node = ParsePrimary();
        while (true)
        {
            var at = _tokens.Current.Position;
            if (_tokens.AcceptSymbol("."))
            {
                var name = _tokens.ExpectName();
                node = _tokens.Current.IsSymbol("(") ? ParseMethodCall(node, name) : new MemberNode(node, name.Text, at);
            }
            else if (_tokens.AcceptSymbol("["))
            {
                var index = ParseExpression();
                _tokens.ExpectSymbol("]");
                node = new IndexNode(node, index, at);
            }
            else
            {
                return node;
            }
            _tokens.Limit(node);
        }
    }

    /// <summary>Only <c>execution.getVariable(name)</c>: Camunda 7 models use it to read a variable that may be missing.</summary>
    private GetVariableNode ParseMethodCall(ExpressionNode target, Token method)
    {
        if (target is not VariableNode { Name: "execution" } || method.Text != "getVariable")
            throw _tokens.Error($"method call '{method.Text}(...)' is not supported; only execution.getVariable('name') is", method.Position);
        _tokens.ExpectSymbol("(");
        var name = ParseExpression();
        if (!_tokens.Current.IsSymbol(")")) throw _tokens.Error("getVariable takes exactly one argument", _tokens.Current.Position);
        _tokens.Next();
        return new GetVariableNode(name, target.Position);
    }

    private ExpressionNode ParsePrimary()
    {
        var token = _tokens.Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                _tokens.Next();
                return new LiteralNode(JsonValues.Number(token.Number), token.Position);
            case TokenKind.String:
                _tokens.Next();
                return new LiteralNode(JsonValues.String(token.Text), token.Position);
            case TokenKind.Identifier:
                return ParseName();
            case TokenKind.End:
                throw _tokens.Unexpected("an expression");
        }
        if (!_tokens.AcceptSymbol("(")) throw _tokens.Error($"unexpected {token.Describe()}", token.Position);
        var inner = ParseExpression();
        _tokens.ExpectSymbol(")");
        return inner;
    }

    private ExpressionNode ParseName()
    {
        var name = _tokens.Next();
        switch (name.Text)
        {
            case "true" or "false":
                return new LiteralNode(JsonValues.Boolean(name.Text == "true"), name.Position);
            case "null":
                return new LiteralNode(null, name.Position);
            case "and" or "or" or "eq" or "ne" or "lt" or "gt" or "le" or "ge" or "div" or "mod" or "instanceof":
                throw _tokens.Error($"unexpected '{name.Text}'", name.Position);
        }
        if (_tokens.Current.IsSymbol("(")) throw _tokens.Error($"function call '{name.Text}(...)' is not supported", name.Position);
        return new VariableNode(name.Text, name.Position);
    }
}
