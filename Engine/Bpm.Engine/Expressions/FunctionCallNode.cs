namespace Bpm.Engine.Expressions;

/// <summary>A FEEL built-in function call such as <c>date and time("...")</c>; <see cref="Name"/> as FEEL spells it.</summary>
internal sealed record FunctionCallNode(string Name, IReadOnlyList<ExpressionNode> Arguments, int Position) : ExpressionNode(Position)
{
    public override int Depth { get; } = DepthOf(Arguments);
}
