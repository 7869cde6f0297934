namespace Bpm.Engine.Expressions;

/// <summary>
/// One lexical unit. <see cref="Text"/> is the name or symbol as written, or a string literal's unescaped value;
/// <see cref="Number"/> is a number literal's value.
/// </summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position, decimal Number = 0)
{
    /// <summary>The text of a symbol or word that may be an operator; null for literals and the end.</summary>
    public string? Operator => Kind is TokenKind.Symbol or TokenKind.Identifier ? Text : null;

    public bool IsSymbol(string symbol) => Kind == TokenKind.Symbol && Text == symbol;

    public bool IsWord(string word) => Kind == TokenKind.Identifier && Text == word;

    public string Describe() => Kind switch
    {
        TokenKind.End => "end of expression",
        TokenKind.String => $"string \"{Text}\"",
        _ => $"'{Text}'",
    };
}
