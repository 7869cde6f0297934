namespace Bpm.Engine.Expressions;

internal enum TokenKind
{
    Number,
    String,
    Identifier,
    Symbol,
    End,
}
