using System.Xml.Linq;
using Bpm.Engine.Model;
using static Bpm.Engine.Parsing.BpmnNames;

namespace Bpm.Engine.Parsing;

/// <summary>
/// Reads the Camunda 7 (<c>camunda:</c>) and Camunda 8 (<c>zeebe:</c>) extensions of a flow node and
/// reports the ones that would need behavior this engine does not have (listeners, Java delegates, connectors).
/// </summary>
internal sealed class ExtensionReader(ParseErrors errors)
{
    private static readonly HashSet<string> AcceptedCamunda =
        ["inputOutput", "properties", "failedJobRetryTimeCycle", "formData", "in", "out"];
    private static readonly HashSet<string> AcceptedZeebe =
        ["ioMapping", "taskDefinition", "assignmentDefinition", "formDefinition", "taskSchedule", "priorityDefinition",
         "taskHeaders", "properties", "userTask", "script", "calledElement", "loopCharacteristics", "subscription"];

    public XElement? Zeebe(XElement node, string name) => node.Element(Bpmn + "extensionElements")?.Element(BpmnNames.Zeebe + name);

    public static string? Camunda(XElement node, string name) => (string?)node.Attribute(BpmnNames.Camunda + name);

    /// <summary>Reports unsupported extension elements; returns input and output mappings of both dialects.</summary>
    public (IReadOnlyList<VariableMapping> Inputs, IReadOnlyList<VariableMapping> Outputs) Read(XElement node)
    {
        var inputs = new List<VariableMapping>();
        var outputs = new List<VariableMapping>();
        var extensions = node.Element(Bpmn + "extensionElements");
        if (extensions is null) return (inputs, outputs);
        foreach (var extension in extensions.Elements())
        {
            var ns = extension.Name.Namespace;
            var name = extension.Name.LocalName;
            if ((ns == BpmnNames.Camunda && !AcceptedCamunda.Contains(name)) || (ns == BpmnNames.Zeebe && !AcceptedZeebe.Contains(name)))
            {
                errors.Add(node, $"'{Id(node)}' uses {(ns == BpmnNames.Camunda ? "camunda" : "zeebe")}:{name}, which this engine does not support");
            }
        }
        foreach (var io in extensions.Elements(BpmnNames.Camunda + "inputOutput"))
        {
            ReadCamundaParameters(node, io, "inputParameter", inputs);
            ReadCamundaParameters(node, io, "outputParameter", outputs);
        }
        foreach (var io in extensions.Elements(BpmnNames.Zeebe + "ioMapping"))
        {
            ReadZeebeMappings(node, io, "input", inputs);
            ReadZeebeMappings(node, io, "output", outputs);
        }
        return (inputs, outputs);
    }

    private void ReadCamundaParameters(XElement node, XElement io, string kind, List<VariableMapping> into)
    {
        foreach (var parameter in io.Elements(BpmnNames.Camunda + kind))
        {
            var name = (string?)parameter.Attribute("name");
            if (string.IsNullOrEmpty(name))
            {
                errors.Add(node, $"A camunda:{kind} of '{Id(node)}' has no name");
                continue;
            }
            if (parameter.HasElements)
            {
                errors.Add(node, $"camunda:{kind} '{name}' of '{Id(node)}' uses camunda:{parameter.Elements().First().Name.LocalName}; only text and expressions are supported");
                continue;
            }
            into.Add(new VariableMapping(name, ExpressionCheck.Validate(errors, node, parameter.Value, $"camunda:{kind} '{name}'")));
        }
    }

    private void ReadZeebeMappings(XElement node, XElement io, string kind, List<VariableMapping> into)
    {
        foreach (var mapping in io.Elements(BpmnNames.Zeebe + kind))
        {
            var source = (string?)mapping.Attribute("source");
            var target = (string?)mapping.Attribute("target");
            if (string.IsNullOrEmpty(source) || string.IsNullOrEmpty(target))
            {
                errors.Add(node, $"A zeebe:{kind} of '{Id(node)}' needs both source and target");
                continue;
            }
            into.Add(new VariableMapping(target, ExpressionCheck.Validate(errors, node, source, $"zeebe:{kind} '{target}'")));
        }
    }

    public static string Id(XElement node) => (string?)node.Attribute("id") ?? node.Name.LocalName;
}
