using System.Text;
using System.Xml;
using System.Xml.Linq;
using Bpm.Engine.Model;

namespace Bpm.Engine.Parsing;

/// <summary>
/// Reads BPMN 2.0 XML as bpmn-js and Camunda Modeler write it (Camunda 7 and Camunda 8 dialects) into
/// immutable process definitions. DTDs and external entities are refused; everything this engine cannot
/// run is reported with its id, type, line and column; diagram information is optional and ignored.
/// </summary>
public sealed class BpmnParser
{
    public const int DefaultMaxCharacters = 10 * 1024 * 1024;

    private readonly int _maxCharacters;

    public BpmnParser(int maxCharacters = DefaultMaxCharacters) => _maxCharacters = maxCharacters;

    public ParseResult Parse(string xml) => Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

    public ParseResult Parse(Stream xml)
    {
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = _maxCharacters,
                MaxCharactersFromEntities = 1024,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
            };
            using var reader = XmlReader.Create(xml, settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            var message = e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? $"DOCTYPE declarations and entities are not allowed in BPMN resources: {e.Message}"
                : $"The resource is not well-formed XML: {e.Message}";
            return Failed(new ParseError(message, e.LineNumber, e.LinePosition, null));
        }

        var root = document.Root!;
        if (root.Name != BpmnNames.Bpmn + "definitions")
        {
            return Failed(new ParseError(
                $"The root element is '{root.Name.LocalName}' in namespace '{root.Name.NamespaceName}', not BPMN 2.0 'definitions' ({BpmnNames.Bpmn})",
                Line(root), Column(root), null));
        }

        var errors = new ParseErrors();
        var processes = new List<ProcessDefinition>();
        var ids = new Dictionary<string, XElement>();
        foreach (var element in root.Descendants())
        {
            var id = (string?)element.Attribute("id");
            if (id is null || element.Name.Namespace != BpmnNames.Bpmn) continue;
            if (!ids.TryAdd(id, element)) errors.Add(element, $"Duplicate id '{id}': also used at line {Line(ids[id])}");
        }

        if (errors.Count > 0) return new ParseResult([], errors.All);
        var messages = new Dictionary<string, MessageEventDefinition>();
        foreach (var message in root.Elements(BpmnNames.Bpmn + "message"))
        {
            var id = (string?)message.Attribute("id");
            var name = (string?)message.Attribute("name");
            if (id is null || string.IsNullOrWhiteSpace(name)) continue;
            var key = (string?)message.Element(BpmnNames.Bpmn + "extensionElements")?.Element(BpmnNames.Zeebe + "subscription")?.Attribute("correlationKey");
            if (key is not null) ExpressionCheck.Validate(errors, message, key, "correlationKey");
            messages[id] = new MessageEventDefinition(name, key);
        }
        var signals = root.Elements(BpmnNames.Bpmn + "signal")
            .Where(e => e.Attribute("id") is not null && !string.IsNullOrWhiteSpace((string?)e.Attribute("name")))
            .ToDictionary(e => (string)e.Attribute("id")!, e => (string)e.Attribute("name")!);
        var escalationCodes = root.Elements(BpmnNames.Bpmn + "escalation")
            .Where(e => e.Attribute("id") is not null)
            .ToDictionary(e => (string)e.Attribute("id")!, e => (string?)e.Attribute("escalationCode"));
        var errorCodes = root.Elements(BpmnNames.Bpmn + "error")
            .Where(e => e.Attribute("id") is not null)
            .ToDictionary(e => (string)e.Attribute("id")!, e => (string?)e.Attribute("errorCode"));

        foreach (var child in root.Elements())
        {
            if (child.Name.Namespace != BpmnNames.Bpmn) continue;
            switch (child.Name.LocalName)
            {
                case "process":
                    if ((string?)child.Attribute("isExecutable") is "false") continue;
                    var definition = new ScopeReader(errors, errorCodes, messages, signals, escalationCodes).ReadProcess(child);
                    if (definition is not null) processes.Add(definition);
                    break;
                case "collaboration" or "message" or "error" or "signal" or "escalation" or "itemDefinition"
                    or "category" or "dataStore" or "interface" or "resource" or "relationship" or "extension":
                    break;
                default:
                    errors.Add(child, $"Element '{child.Name.LocalName}' is not supported by this engine");
                    break;
            }
        }

        if (errors.Count == 0 && processes.Count == 0)
            errors.Add(new ParseError("The resource contains no executable process (isExecutable=\"true\")", Line(root), Column(root), null));
        return errors.Count > 0 ? new ParseResult([], errors.All) : new ParseResult(processes, []);
    }

    private static ParseResult Failed(ParseError error) => new([], [error]);

    internal static int Line(XElement e) => e is IXmlLineInfo i && i.HasLineInfo() ? i.LineNumber : 0;

    private static int Column(XElement e) => e is IXmlLineInfo i && i.HasLineInfo() ? i.LinePosition : 0;
}
