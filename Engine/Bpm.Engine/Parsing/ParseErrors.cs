using System.Xml;
using System.Xml.Linq;

namespace Bpm.Engine.Parsing;

/// <summary>Collects errors, each placed at the line and column of the element it concerns.</summary>
internal sealed class ParseErrors
{
    private readonly List<ParseError> _errors = [];

    public IReadOnlyList<ParseError> All => _errors;
    public int Count => _errors.Count;

    public void Add(XElement element, string message)
    {
        var info = (IXmlLineInfo)element;
        _errors.Add(new ParseError(message, info.HasLineInfo() ? info.LineNumber : 0, info.HasLineInfo() ? info.LinePosition : 0, (string?)element.Attribute("id")));
    }

    public void Add(ParseError error) => _errors.Add(error);
}
