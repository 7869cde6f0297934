namespace Bpm.Engine.Expressions;

/// <summary>How an expression's text was read.</summary>
public enum ExpressionDialect
{
    /// <summary>Plain text, taken as a string constant (Camunda 7 literal input parameters).</summary>
    Literal,

    /// <summary>FEEL as Camunda 8 writes it: text starting with <c>=</c>.</summary>
    Feel,

    /// <summary>JUEL as Camunda 7 writes it: text containing <c>${...}</c> or <c>#{...}</c>.</summary>
    Juel,
}
