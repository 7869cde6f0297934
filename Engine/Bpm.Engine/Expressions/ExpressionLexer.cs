using System.Globalization;
using System.Text;

namespace Bpm.Engine.Expressions;

/// <summary>
/// Splits expression text into tokens on demand, from a start offset. Positions are offsets into the whole text.
/// For an embedded JUEL expression the lexer stops after the <c>}</c> that closes it, so the literal text after
/// it is never read as tokens.
/// </summary>
internal sealed class ExpressionLexer
{
    private readonly string _text;
    private readonly bool _singleQuotedStrings;
    private readonly bool _stopAtClosingBrace;
    private readonly List<Token> _lookahead = [];
    private int _position;
    private int _braceDepth;
    private bool _stopped;

    public ExpressionLexer(string text, int start, bool singleQuotedStrings, bool stopAtClosingBrace)
    {
        _text = text;
        _position = start;
        _singleQuotedStrings = singleQuotedStrings;
        _stopAtClosingBrace = stopAtClosingBrace;
    }

    public Token Peek(int ahead = 0)
    {
        while (_lookahead.Count <= ahead) _lookahead.Add(Lex());
        return _lookahead[ahead];
    }

    public Token Next()
    {
        var token = Peek();
        _lookahead.RemoveAt(0);
        return token;
    }

    private Token Lex()
    {
        if (_stopped) return new Token(TokenKind.End, "", _position);
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position])) _position++;
        if (_position >= _text.Length) return new Token(TokenKind.End, "", _position);
        var c = _text[_position];
        if (char.IsAsciiDigit(c)) return LexNumber();
        if (c == '"' || (c == '\'' && _singleQuotedStrings)) return LexString(c);
        if (char.IsLetter(c) || c == '_') return LexName();
        return LexSymbol();
    }

    private Token LexNumber()
    {
        var start = _position;
        SkipDigits();
        if (At('.') && char.IsAsciiDigit(CharAt(_position + 1)))
        {
            _position++;
            SkipDigits();
        }
        if ((At('e') || At('E')) && (char.IsAsciiDigit(CharAt(_position + 1))
            || ((CharAt(_position + 1) is '+' or '-') && char.IsAsciiDigit(CharAt(_position + 2)))))
        {
            _position += 2;
            SkipDigits();
        }
        var text = _text[start.._position];
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            throw Error($"number {text} is outside the supported range", start);
        return new Token(TokenKind.Number, text, start, number);
    }

    private Token LexString(char quote)
    {
        var start = _position++;
        var value = new StringBuilder();
        while (_position < _text.Length && _text[_position] != quote)
        {
            var c = _text[_position++];
            if (c != '\\')
            {
                value.Append(c);
                continue;
            }
            if (_position >= _text.Length) break;
            value.Append(Unescape());
        }
        if (_position >= _text.Length) throw Error("string literal is not closed", start);
        _position++;
        return new Token(TokenKind.String, value.ToString(), start);
    }

    private string Unescape()
    {
        var escapeAt = _position - 1;
        var c = _text[_position++];
        switch (c)
        {
            case '"' or '\'' or '\\' or '/':
                return c.ToString();
            case 'n':
                return "\n";
            case 't':
                return "\t";
            case 'r':
                return "\r";
            case 'u' when _position + 4 <= _text.Length
                && int.TryParse(_text.AsSpan(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                _position += 4;
                return ((char)code).ToString();
            default:
                throw Error($"unknown escape sequence '\\{c}' in string literal", escapeAt);
        }
    }

    private Token LexName()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] == '_')) _position++;
        return new Token(TokenKind.Identifier, _text[start.._position], start);
    }

    private Token LexSymbol()
    {
        var start = _position;
        var pair = _position + 1 < _text.Length ? _text.Substring(_position, 2) : "";
        if (pair is "**" or "==" or "!=" or "<=" or ">=" or "&&" or "||")
        {
            _position += 2;
            return new Token(TokenKind.Symbol, pair, start);
        }
        var c = _text[_position];
        if ("()[]{},.:?+-*/%=<>!".IndexOf(c) < 0) throw Error($"unexpected character '{c}'", start);
        _position++;
        if (c == '{') _braceDepth++;
        if (c == '}' && _braceDepth == 0) _stopped = _stopAtClosingBrace;
        else if (c == '}') _braceDepth--;
        return new Token(TokenKind.Symbol, c.ToString(), start);
    }

    private void SkipDigits()
    {
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position])) _position++;
    }

    private bool At(char c) => CharAt(_position) == c;

    private char CharAt(int index) => index < _text.Length ? _text[index] : '\0';

    private ExpressionSyntaxException Error(string problem, int position) => new(problem, position, _text);
}
