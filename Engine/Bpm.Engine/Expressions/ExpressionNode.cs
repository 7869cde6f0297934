using System.Text.Json.Nodes;

namespace Bpm.Engine.Expressions;

/// <summary>
/// A node of the syntax tree both dialects parse to. <see cref="Position"/> is the offset of the node in the
/// expression text; <see cref="Depth"/> is the height of the subtree, bounded by <see cref="ExpressionLimits.MaxDepth"/>.
/// </summary>
internal abstract record ExpressionNode(int Position)
{
    public virtual int Depth => 1;

    protected static int DepthOf(IEnumerable<ExpressionNode> children) => 1 + children.Select(c => c.Depth).DefaultIfEmpty(0).Max();
}

/// <summary>A constant: number, string, boolean or null. Shared, so never handed out without a copy.</summary>
internal sealed record LiteralNode(JsonValue? Value, int Position) : ExpressionNode(Position);

/// <summary>A top-level name resolved through <see cref="IVariableLookup"/>.</summary>
internal sealed record VariableNode(string Name, int Position) : ExpressionNode(Position);

/// <summary><c>target.name</c>.</summary>
internal sealed record MemberNode(ExpressionNode Target, string Name, int Position) : ExpressionNode(Position)
{
    public override int Depth { get; } = Target.Depth + 1;
}

/// <summary><c>target[index]</c>: 1-based in FEEL, 0-based in JUEL; a string index reads a property.</summary>
internal sealed record IndexNode(ExpressionNode Target, ExpressionNode Index, int Position) : ExpressionNode(Position)
{
    public override int Depth { get; } = DepthOf([Target, Index]);
}

internal sealed record UnaryNode(UnaryOperator Operator, string Symbol, ExpressionNode Operand, int Position) : ExpressionNode(Position)
{
    public override int Depth { get; } = Operand.Depth + 1;
}

/// <summary><see cref="Symbol"/> is the operator as written, for error messages.</summary>
internal sealed record BinaryNode(BinaryOperator Operator, string Symbol, ExpressionNode Left, ExpressionNode Right, int Position)
    : ExpressionNode(Position)
{
    public override int Depth { get; } = DepthOf([Left, Right]);
}

/// <summary>FEEL <c>if c then a else b</c>, JUEL <c>c ? a : b</c>.</summary>
internal sealed record ConditionalNode(ExpressionNode Condition, ExpressionNode WhenTrue, ExpressionNode WhenFalse, int Position)
    : ExpressionNode(Position)
{
    public override int Depth { get; } = DepthOf([Condition, WhenTrue, WhenFalse]);
}

/// <summary>FEEL <c>[1, 2, 3]</c>.</summary>
internal sealed record ListNode(IReadOnlyList<ExpressionNode> Items, int Position) : ExpressionNode(Position)
{
    public override int Depth { get; } = DepthOf(Items);
}

/// <summary>FEEL <c>{a: 1, "b c": 2}</c>.</summary>
internal sealed record ContextNode(IReadOnlyList<KeyValuePair<string, ExpressionNode>> Entries, int Position) : ExpressionNode(Position)
{
    public override int Depth { get; } = DepthOf(Entries.Select(e => e.Value));
}

/// <summary>JUEL composite text <c>Hello ${name}!</c>: the parts' text, concatenated.</summary>
internal sealed record TemplateNode(IReadOnlyList<ExpressionNode> Parts, int Position) : ExpressionNode(Position)
{
    public override int Depth { get; } = DepthOf(Parts);
}

/// <summary>JUEL <c>execution.getVariable(name)</c>: a variable by computed name, null when missing.</summary>
internal sealed record GetVariableNode(ExpressionNode Name, int Position) : ExpressionNode(Position)
{
    public override int Depth { get; } = Name.Depth + 1;
}

/// <summary>FEEL <c>is defined(x)</c>: whether the variable or property exists.</summary>
internal sealed record IsDefinedNode(ExpressionNode Operand, int Position) : ExpressionNode(Position)
{
    public override int Depth { get; } = Operand.Depth + 1;
}
