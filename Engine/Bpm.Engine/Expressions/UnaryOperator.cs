namespace Bpm.Engine.Expressions;

/// <summary>Prefix operators: <c>-x</c>, JUEL <c>!x</c> / <c>not x</c> and FEEL <c>not(x)</c>, JUEL <c>empty x</c>.</summary>
internal enum UnaryOperator
{
    Negate,
    Not,
    Empty,
}
