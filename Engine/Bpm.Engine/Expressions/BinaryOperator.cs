namespace Bpm.Engine.Expressions;

/// <summary>The binary operators both dialects share once parsed (<c>&amp;&amp;</c>, <c>and</c> are both <see cref="And"/>).</summary>
internal enum BinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    Power,
}
