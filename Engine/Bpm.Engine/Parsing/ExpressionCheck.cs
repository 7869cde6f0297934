using System.Xml.Linq;
using Bpm.Engine.Expressions;

namespace Bpm.Engine.Parsing;

/// <summary>Parses an expression at deploy time so a syntax error is reported before any instance runs.</summary>
internal static class ExpressionCheck
{
    public static string Validate(ParseErrors errors, XElement element, string text, string what)
    {
        try
        {
            Expression.Parse(text);
        }
        catch (ExpressionSyntaxException e)
        {
            errors.Add(element, $"The {what} of '{ExtensionReader.Id(element)}' is not a valid expression: {e.Message}");
        }
        return text;
    }
}
