using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Bpm.Engine.Expressions;

/// <summary>
/// Walks the syntax tree of either dialect. Values read from variables are shared, not copied: anything put
/// into a list or context is copied, and <see cref="Expression.Evaluate"/> copies the result.
/// FEEL reads a missing variable or property as null; JUEL fails on a missing variable, as Camunda 7 does.
/// Indexes are 1-based in FEEL (negative counts from the end) and 0-based in JUEL.
/// </summary>
internal sealed class ExpressionEvaluator(IVariableLookup variables, ExpressionDialect dialect, string text)
{
    private readonly ExpressionOperators _operators = new(dialect);

    /// <summary>
    /// The temporal values this evaluation made, by node identity: each is an ISO string as JSON and typed here,
    /// so strings read from variables stay strings until a conversion function parses them.
    /// </summary>
    private readonly Dictionary<JsonNode, Temporal> _temporals = new(ReferenceEqualityComparer.Instance);

    private bool IsFeel => dialect == ExpressionDialect.Feel;

    public ExpressionResult Evaluate(ExpressionNode node) => node switch
    {
        LiteralNode literal => Ok(literal.Value),
        VariableNode variable => Variable(variable),
        MemberNode member => Member(member),
        IndexNode index => Index(index),
        UnaryNode unary => Unary(unary),
        BinaryNode { Operator: BinaryOperator.And or BinaryOperator.Or } logical => IsFeel ? FeelLogic(logical) : JuelLogic(logical),
        BinaryNode binary => Binary(binary),
        ConditionalNode conditional => Conditional(conditional),
        ListNode list => List(list),
        ContextNode context => Context(context),
        TemplateNode template => Template(template),
        GetVariableNode get => GetVariable(get),
        IsDefinedNode defined => IsDefined(defined),
        FunctionCallNode call => Call(call),
        _ => throw new UnreachableException($"No evaluation for {node.GetType().Name}"),
    };

    private ExpressionResult Variable(VariableNode node)
    {
        if (variables.TryGet(node.Name, out var value)) return Ok(value);
        if (IsFeel) return Ok(null);
        return ExpressionResult.Fail($"Unknown property used in expression: {text}. Cause: Cannot resolve identifier '{node.Name}'");
    }

    private ExpressionResult Member(MemberNode node)
    {
        var target = Evaluate(node.Target);
        return target.IsSuccess ? Property(target.Value, node.Name) : target;
    }

    /// <summary>A property of an object; in FEEL, of each object in a list.</summary>
    private ExpressionResult Property(JsonNode? target, string name) => target switch
    {
        null => Ok(null),
        JsonObject obj => Ok(obj.TryGetPropertyValue(name, out var value) ? value : null),
        JsonArray list when IsFeel => Ok(new JsonArray(list.Select(item => (item as JsonObject)?[name]?.DeepClone()).ToArray())),
        _ => Fail($"cannot read property '{name}' of {JsonValues.TypeName(target)}"),
    };

    private ExpressionResult Index(IndexNode node)
    {
        var target = Evaluate(node.Target);
        if (!target.IsSuccess) return target;
        var index = Evaluate(node.Index);
        if (!index.IsSuccess) return index;
        if (target.Value is null || (IsFeel && index.Value is null)) return Ok(null);
        if (JsonValues.TryGetString(index.Value, out var name)) return Property(target.Value, name);
        if (target.Value is JsonArray list && JsonValues.TryGetNumber(index.Value, out var number)) return Element(list, number);
        return Fail($"cannot index {JsonValues.TypeName(target.Value)} with {JsonValues.Describe(index.Value)}");
    }

    private ExpressionResult Element(JsonArray list, decimal number)
    {
        if (number != decimal.Truncate(number)) return Fail($"list index {number} is not a whole number");
        if (Math.Abs(number) > list.Count) return Ok(null);
        var i = (int)number;
        if (IsFeel) i = i > 0 ? i - 1 : list.Count + i;
        return Ok(i >= 0 && i < list.Count ? list[i] : null);
    }

    private ExpressionResult Unary(UnaryNode node)
    {
        var operand = Evaluate(node.Operand);
        if (!operand.IsSuccess) return operand;
        if (TemporalOf(operand.Value) is { } temporal)
        {
            return node.Operator == UnaryOperator.Negate && temporal.Kind == TemporalKind.Duration
                ? Ok(Tag(new Temporal(TemporalKind.Duration, -temporal.Millis)))
                : Fail($"operator '{node.Symbol}' cannot be applied to {temporal.TypeName}");
        }
        return Wrap(_operators.Unary(node.Operator, node.Symbol, operand.Value));
    }

    private ExpressionResult Binary(BinaryNode node)
    {
        var left = Evaluate(node.Left);
        if (!left.IsSuccess) return left;
        var right = Evaluate(node.Right);
        if (!right.IsSuccess) return right;
        var l = TemporalOf(left.Value);
        var r = TemporalOf(right.Value);
        if ((l is not null || r is not null) && left.Value is not null && right.Value is not null)
            return TemporalBinary(node, l, left.Value, r, right.Value);
        return Wrap(_operators.Binary(node.Operator, node.Symbol, left.Value, right.Value));
    }

    /// <summary>
    /// An operator with a temporal operand: equality holds only between values of the same temporal type, <c>+</c>
    /// with a plain string concatenates the ISO text, and everything else follows <see cref="TemporalOperators"/>.
    /// </summary>
    private ExpressionResult TemporalBinary(BinaryNode node, Temporal? l, JsonNode left, Temporal? r, JsonNode right)
    {
        switch (node.Operator)
        {
            case BinaryOperator.Equal or BinaryOperator.NotEqual:
                var equal = l is { } a && r is { } b && a == b;
                return Ok(JsonValues.Boolean(equal == (node.Operator == BinaryOperator.Equal)));
            case BinaryOperator.Add when (l is null && JsonValues.TryGetString(left, out _)) || (r is null && JsonValues.TryGetString(right, out _)):
                return Wrap(_operators.Binary(node.Operator, node.Symbol, left, right));
            case BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual:
                var order = TemporalOperators.Compare(node.Symbol, l, left, r, right);
                if (!order.IsSuccess) return Fail(order.Error!);
                return Ok(JsonValues.Boolean(node.Operator switch
                {
                    BinaryOperator.Less => order.Value < 0,
                    BinaryOperator.LessOrEqual => order.Value <= 0,
                    BinaryOperator.Greater => order.Value > 0,
                    _ => order.Value >= 0,
                }));
            default:
                var result = TemporalOperators.Arithmetic(node.Operator, node.Symbol, l, left, r, right);
                return result.IsSuccess ? Ok(Tag(result.Value)) : Fail(result.Error!);
        }
    }

    /// <summary>
    /// FEEL's temporal conversions <c>date and time(text)</c>, <c>date(text)</c> and <c>duration(text)</c>; null gives null.
    /// <c>now()</c> and <c>today()</c> fail: evaluation must not depend on the clock.
    /// </summary>
    private ExpressionResult Call(FunctionCallNode node)
    {
        if (node.Name is "now" or "today")
        {
            return Fail($"{node.Name}() is not supported: expressions must evaluate the same way every time, "
                + "so pass the current time in a variable, e.g. date and time(startedAt)");
        }
        var argument = Evaluate(node.Arguments[0]);
        if (!argument.IsSuccess) return argument;
        if (argument.Value is null) return Ok(null);
        if (!JsonValues.TryGetString(argument.Value, out var value))
            return Fail($"{node.Name}() expects a string but got {JsonValues.Describe(argument.Value)}");
        Temporal temporal;
        string? problem = null;
        switch (node.Name)
        {
            case "date and time":
                if (!Temporal.TryParseDateTime(value, out temporal)) problem = "not an ISO 8601 date and time such as 2026-11-26T10:00:00Z";
                break;
            case "date":
                if (!Temporal.TryParseDate(value, out temporal)) problem = "not a date such as 2026-11-26";
                break;
            default:
                problem = Temporal.TryParseDuration(value, out temporal);
                break;
        }
        return problem is null ? Ok(Tag(temporal)) : Fail($"{node.Name}(\"{value}\"): {problem}");
    }

    private Temporal? TemporalOf(JsonNode? node) =>
        node is not null && _temporals.TryGetValue(node, out var temporal) ? temporal : null;

    private JsonNode Tag(Temporal temporal)
    {
        var node = JsonValues.String(temporal.ToString());
        _temporals[node] = temporal;
        return node;
    }

    /// <summary>
    /// FEEL's three-valued logic: false decides <c>and</c>, true decides <c>or</c>, whichever side it is on;
    /// otherwise null makes the result null. A value that is neither boolean nor null fails.
    /// </summary>
    private ExpressionResult FeelLogic(BinaryNode node)
    {
        var decisive = node.Operator == BinaryOperator.Or;
        var left = Evaluate(node.Left);
        if (!left.IsSuccess) return left;
        var leftIsBoolean = JsonValues.TryGetBoolean(left.Value, out var l);
        if (leftIsBoolean && l == decisive) return Ok(JsonValues.Boolean(decisive));
        var right = Evaluate(node.Right);
        if (!right.IsSuccess) return right;
        var rightIsBoolean = JsonValues.TryGetBoolean(right.Value, out var r);
        if (rightIsBoolean && r == decisive) return Ok(JsonValues.Boolean(decisive));
        if (leftIsBoolean && rightIsBoolean) return Ok(JsonValues.Boolean(!decisive));
        if ((left.Value is null || leftIsBoolean) && (right.Value is null || rightIsBoolean)) return Ok(null);
        return Fail($"operator '{node.Symbol}' cannot be applied to {JsonValues.TypeName(left.Value)} and {JsonValues.TypeName(right.Value)}");
    }

    /// <summary>EL logic: both sides coerced to boolean, the right one evaluated only when the left does not decide.</summary>
    private ExpressionResult JuelLogic(BinaryNode node)
    {
        var decisive = node.Operator == BinaryOperator.Or;
        var left = Evaluate(node.Left);
        if (!left.IsSuccess) return left;
        var l = _operators.JuelBoolean(node.Symbol, left.Value);
        if (!l.IsSuccess) return Fail(l.Error!);
        if (l.Value == decisive) return Ok(JsonValues.Boolean(decisive));
        var right = Evaluate(node.Right);
        if (!right.IsSuccess) return right;
        var r = _operators.JuelBoolean(node.Symbol, right.Value);
        return r.IsSuccess ? Ok(JsonValues.Boolean(r.Value)) : Fail(r.Error!);
    }

    /// <summary>FEEL takes the else branch unless the condition is true; JUEL coerces the condition to boolean.</summary>
    private ExpressionResult Conditional(ConditionalNode node)
    {
        var condition = Evaluate(node.Condition);
        if (!condition.IsSuccess) return condition;
        bool holds;
        if (IsFeel)
        {
            holds = JsonValues.TryGetBoolean(condition.Value, out var value) && value;
        }
        else
        {
            var coerced = _operators.JuelBoolean("?", condition.Value);
            if (!coerced.IsSuccess) return Fail(coerced.Error!);
            holds = coerced.Value;
        }
        return Evaluate(holds ? node.WhenTrue : node.WhenFalse);
    }

    private ExpressionResult List(ListNode node)
    {
        var list = new JsonArray();
        foreach (var item in node.Items)
        {
            var value = Evaluate(item);
            if (!value.IsSuccess) return value;
            list.Add(value.Value?.DeepClone());
        }
        return Ok(list);
    }

    private ExpressionResult Context(ContextNode node)
    {
        var context = new JsonObject();
        foreach (var (key, entry) in node.Entries)
        {
            var value = Evaluate(entry);
            if (!value.IsSuccess) return value;
            context[key] = value.Value?.DeepClone();
        }
        return Ok(context);
    }

    private ExpressionResult Template(TemplateNode node)
    {
        var result = new StringBuilder();
        foreach (var part in node.Parts)
        {
            var value = Evaluate(part);
            if (!value.IsSuccess) return value;
            result.Append(JsonValues.ToText(value.Value));
        }
        return Ok(JsonValues.String(result.ToString()));
    }

    private ExpressionResult GetVariable(GetVariableNode node)
    {
        var name = Evaluate(node.Name);
        if (!name.IsSuccess) return name;
        if (!JsonValues.TryGetString(name.Value, out var variable))
            return Fail($"getVariable expects a variable name but got {JsonValues.Describe(name.Value)}");
        return Ok(variables.TryGet(variable, out var value) ? value : null);
    }

    /// <summary>Whether the variable, or the property of the object, exists (its value may be null).</summary>
    private ExpressionResult IsDefined(IsDefinedNode node)
    {
        if (node.Operand is VariableNode variable) return Ok(JsonValues.Boolean(variables.TryGet(variable.Name, out _)));
        if (node.Operand is MemberNode member)
        {
            var target = Evaluate(member.Target);
            return target.IsSuccess ? Ok(JsonValues.Boolean(target.Value is JsonObject obj && obj.ContainsKey(member.Name))) : target;
        }
        var value = Evaluate(node.Operand);
        return value.IsSuccess ? Ok(JsonValues.Boolean(value.Value is not null)) : value;
    }

    private static ExpressionResult Ok(JsonNode? value) => ExpressionResult.Ok(value);

    private ExpressionResult Fail(string problem) => ExpressionResult.Fail($"Cannot evaluate expression '{text}': {problem}");

    private ExpressionResult Wrap(ExpressionResult result) => result.IsSuccess ? result : Fail(result.Error!);
}
