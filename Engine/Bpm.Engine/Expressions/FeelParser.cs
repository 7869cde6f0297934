namespace Bpm.Engine.Expressions;

/// <summary>
/// Parses FEEL as Camunda 8 writes it (the text after the leading <c>=</c>), lowest precedence first:
/// <c>if</c>, <c>or</c>, <c>and</c>, comparison (<c>= != &lt; &lt;= &gt; &gt;=</c>, not chained), <c>+ -</c>,
/// <c>* / %</c>, <c>**</c>, unary <c>-</c>, then paths <c>a.b</c> and indexes <c>a[1]</c> on a primary:
/// literal, name, <c>not(x)</c>, <c>is defined(x)</c>, a temporal function (<c>date and time(x)</c>, <c>date(x)</c>,
/// <c>duration(x)</c>; <c>now()</c> and <c>today()</c> parse but fail to evaluate), <c>( )</c>, list <c>[ ]</c> or context <c>{ }</c>.
/// </summary>
internal sealed class FeelParser
{
    private readonly TokenCursor _tokens;

    private FeelParser(string text, int start) =>
        _tokens = new TokenCursor(new ExpressionLexer(text, start, singleQuotedStrings: false, stopAtClosingBrace: false), text);

    /// <param name="start">Offset of the first character after the leading <c>=</c>.</param>
    public static ExpressionNode Parse(string text, int start)
    {
        var parser = new FeelParser(text, start);
        var root = parser.ParseExpression();
        var rest = parser._tokens.Current;
        if (rest.Kind != TokenKind.End) throw parser._tokens.Error(Hint(rest), rest.Position);
        return root;
    }

    private ExpressionNode ParseExpression()
    {
        _tokens.Enter();
        var node = _tokens.LeftAssociative(ParseConjunction, t => t.IsWord("or") ? BinaryOperator.Or : null);
        _tokens.Leave();
        return node;
    }

    private ExpressionNode ParseConjunction() =>
        _tokens.LeftAssociative(ParseComparison, t => t.IsWord("and") ? BinaryOperator.And : null);

    private ExpressionNode ParseComparison()
    {
        var left = ParseAdditive();
        if (ComparisonOf(_tokens.Current) is not { } op) return left;
        var symbol = _tokens.Next();
        return _tokens.Limit(new BinaryNode(op, symbol.Text, left, ParseAdditive(), symbol.Position));
    }

    private ExpressionNode ParseAdditive() =>
        _tokens.LeftAssociative(ParseMultiplicative, t => t.Kind != TokenKind.Symbol ? null : t.Text switch
        {
            "+" => BinaryOperator.Add,
            "-" => BinaryOperator.Subtract,
            _ => null,
        });

    private ExpressionNode ParseMultiplicative() =>
        _tokens.LeftAssociative(ParsePower, t => t.Kind != TokenKind.Symbol ? null : t.Text switch
        {
            "*" => BinaryOperator.Multiply,
            "/" => BinaryOperator.Divide,
            "%" => BinaryOperator.Modulo,
            _ => null,
        });

    private ExpressionNode ParsePower() =>
        _tokens.LeftAssociative(ParseUnary, t => t.IsSymbol("**") ? BinaryOperator.Power : null);

    private ExpressionNode ParseUnary()
    {
        if (!_tokens.Current.IsSymbol("-")) return ParsePath();
        var minus = _tokens.Next();
        _tokens.Enter();
        var operand = ParseUnary();
        _tokens.Leave();
        return _tokens.Limit(new UnaryNode(UnaryOperator.Negate, "-", operand, minus.Position));
    }

    private ExpressionNode ParsePath()
    {
        var node = ParsePrimary();
        while (true)
        {
            var at = _tokens.Current.Position;
            if (_tokens.AcceptSymbol("."))
            {
                node = _tokens.Limit(new MemberNode(node, _tokens.ExpectName().Text, at));
            }
            else if (_tokens.AcceptSymbol("["))
            {
                var index = ParseExpression();
                _tokens.ExpectSymbol("]");
                node = _tokens.Limit(new IndexNode(node, index, at));
            }
            else
            {
                return node;
            }
        }
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
        if (_tokens.AcceptSymbol("("))
        {
            var inner = ParseExpression();
            _tokens.ExpectSymbol(")");
            return inner;
        }
        if (_tokens.AcceptSymbol("[")) return ParseList(token.Position);
        if (_tokens.AcceptSymbol("{")) return ParseContext(token.Position);
        throw _tokens.Error(Hint(token), token.Position);
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
            case "if":
                return ParseIf(name.Position);
            case "not" when _tokens.Current.IsSymbol("("):
                return _tokens.Limit(new UnaryNode(UnaryOperator.Not, "not", ParseSingleArgument(), name.Position));
            case "is" when _tokens.Current.IsWord("defined") && _tokens.Peek(1).IsSymbol("("):
                _tokens.Next();
                return _tokens.Limit(new IsDefinedNode(ParseSingleArgument(), name.Position));
            case "date" when _tokens.Current.IsWord("and") && _tokens.Peek(1).IsWord("time") && _tokens.Peek(2).IsSymbol("("):
                _tokens.Next();
                _tokens.Next();
                return ParseCall("date and time", 1, name.Position);
            case "date" or "duration" when _tokens.Current.IsSymbol("("):
                return ParseCall(name.Text, 1, name.Position);
            case "now" or "today" when _tokens.Current.IsSymbol("("):
                return ParseCall(name.Text, 0, name.Position);
            case "and" or "or" or "then" or "else":
                throw _tokens.Error($"unexpected '{name.Text}'", name.Position);
        }
        if (_tokens.Current.IsSymbol("(")) throw _tokens.Error($"unknown function '{name.Text}'", name.Position);
        return new VariableNode(name.Text, name.Position);
    }

    private ExpressionNode ParseIf(int position)
    {
        var condition = ParseExpression();
        _tokens.ExpectWord("then");
        var whenTrue = ParseExpression();
        _tokens.ExpectWord("else");
        var whenFalse = ParseExpression();
        return _tokens.Limit(new ConditionalNode(condition, whenTrue, whenFalse, position));
    }

    /// <summary>A built-in function's arguments, <c>( )</c> included; the count must match <paramref name="arity"/>.</summary>
    private FunctionCallNode ParseCall(string function, int arity, int position)
    {
        var open = _tokens.ExpectSymbol("(");
        var arguments = new List<ExpressionNode>();
        if (!_tokens.AcceptSymbol(")"))
        {
            do arguments.Add(ParseExpression());
            while (_tokens.AcceptSymbol(","));
            _tokens.ExpectSymbol(")");
        }
        if (arguments.Count != arity)
        {
            throw _tokens.Error(
                $"function '{function}' expects {arity} argument{(arity == 1 ? "" : "s")} but got {arguments.Count}", open.Position);
        }
        return _tokens.Limit(new FunctionCallNode(function, arguments, position));
    }

    private ExpressionNode ParseSingleArgument()
    {
        _tokens.ExpectSymbol("(");
        var argument = ParseExpression();
        _tokens.ExpectSymbol(")");
        return argument;
    }

    private ListNode ParseList(int position)
    {
        var items = new List<ExpressionNode>();
        if (!_tokens.AcceptSymbol("]"))
        {
            do items.Add(ParseExpression());
            while (_tokens.AcceptSymbol(","));
            _tokens.ExpectSymbol("]");
        }
        return _tokens.Limit(new ListNode(items, position));
    }

    private ContextNode ParseContext(int position)
    {
        var entries = new List<KeyValuePair<string, ExpressionNode>>();
        if (!_tokens.AcceptSymbol("}"))
        {
            do
            {
                var key = _tokens.Current;
                if (key.Kind is not (TokenKind.Identifier or TokenKind.String)) throw _tokens.Unexpected("a context key");
                if (entries.Any(e => e.Key == key.Text)) throw _tokens.Error($"duplicate context key '{key.Text}'", key.Position);
                _tokens.Next();
                _tokens.ExpectSymbol(":");
                entries.Add(new(key.Text, ParseExpression()));
            }
            while (_tokens.AcceptSymbol(","));
            _tokens.ExpectSymbol("}");
        }
        return _tokens.Limit(new ContextNode(entries, position));
    }

    private static BinaryOperator? ComparisonOf(Token token) => token.Kind != TokenKind.Symbol ? null : token.Text switch
    {
        "=" => BinaryOperator.Equal,
        "!=" => BinaryOperator.NotEqual,
        "<" => BinaryOperator.Less,
        "<=" => BinaryOperator.LessOrEqual,
        ">" => BinaryOperator.Greater,
        ">=" => BinaryOperator.GreaterOrEqual,
        _ => null,
    };

    private static string Hint(Token token) => token.Text switch
    {
        "==" => "unexpected '==' (FEEL compares with '=')",
        "&&" => "unexpected '&&' (FEEL uses 'and')",
        "||" => "unexpected '||' (FEEL uses 'or')",
        "!" => "unexpected '!' (FEEL negates with 'not(...)')",
        _ => $"unexpected {token.Describe()}",
    };
}
