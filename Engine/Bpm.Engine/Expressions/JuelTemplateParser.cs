using System.Text;

namespace Bpm.Engine.Expressions;

/// <summary>
/// Reads JUEL text as Camunda 7 writes it: literal parts and <c>${...}</c> / <c>#{...}</c> parts, where
/// <c>\${</c> is a literal <c>${</c>. One embedded expression alone (whitespace aside) yields its own value,
/// of any type; anything else is a <see cref="TemplateNode"/> whose parts are concatenated as text.
/// </summary>
internal static class JuelTemplateParser
{
    public static ExpressionNode Parse(string text)
    {
        var parts = new List<ExpressionNode>();
        var literal = new StringBuilder();
        var literalStart = 0;
        var textIsBlank = true;
        ExpressionNode? lastEmbedded = null;
        var embedded = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '\\' && IsOpening(text, i + 1))
            {
                literal.Append(text, i + 1, 2);
                i += 3;
                continue;
            }
            if (!IsOpening(text, i))
            {
                literal.Append(text[i++]);
                continue;
            }
            textIsBlank &= AddLiteral(parts, literal, literalStart);
            (lastEmbedded, literalStart) = JuelParser.ParseEmbedded(text, i);
            parts.Add(lastEmbedded);
            embedded++;
            i = literalStart;
        }
        textIsBlank &= AddLiteral(parts, literal, literalStart);
        return embedded == 1 && textIsBlank ? lastEmbedded! : new TemplateNode(parts, 0);
    }

    private static bool IsOpening(string text, int i) =>
        i + 1 < text.Length && text[i] is '$' or '#' && text[i + 1] == '{';

    /// <returns>Whether the literal text was blank.</returns>
    private static bool AddLiteral(List<ExpressionNode> parts, StringBuilder literal, int position)
    {
        var text = literal.ToString();
        literal.Clear();
        if (text.Length > 0) parts.Add(new LiteralNode(JsonValues.String(text), position));
        return string.IsNullOrWhiteSpace(text);
    }
}
