using System.Xml.Linq;
using Bpm.Engine.Model;
using static Bpm.Engine.Parsing.BpmnNames;

namespace Bpm.Engine.Parsing;

/// <summary>Reads service, user and script tasks in both dialects.</summary>
internal sealed class TaskReader(ParseErrors errors, ExtensionReader extensions)
{
    public ServiceTask? ServiceTask(XElement element, string id, string? name, string scopeId)
    {
        foreach (var delegateAttribute in new[] { "class", "expression", "delegateExpression" })
        {
            if (ExtensionReader.Camunda(element, delegateAttribute) is not null)
            {
                errors.Add(element, $"Service task '{id}' uses camunda:{delegateAttribute}; this engine runs service tasks as external tasks (camunda:type=\"external\" camunda:topic, or zeebe:taskDefinition)");
                return null;
            }
        }
        var definition = extensions.Zeebe(element, "taskDefinition");
        if (definition is not null)
        {
            var type = (string?)definition.Attribute("type");
            if (string.IsNullOrWhiteSpace(type))
            {
                errors.Add(element, $"Service task '{id}' has a zeebe:taskDefinition without a type");
                return null;
            }
            var retriesText = (string?)definition.Attribute("retries");
            var retries = retriesText is null ? 3 : ScopeReader.Integer(retriesText);
            if (retries is null or < 0)
            {
                errors.Add(element, $"Service task '{id}' has retries '{retriesText}', which is not a non-negative integer");
                return null;
            }
            return new ServiceTask(id, name, scopeId, ExpressionCheck.Validate(errors, element, type, "task type"), retries);
        }
        var implementation = ExtensionReader.Camunda(element, "type");
        var topic = ExtensionReader.Camunda(element, "topic");
        if (implementation is not null && implementation != "external")
        {
            errors.Add(element, $"Service task '{id}' has camunda:type=\"{implementation}\"; only \"external\" is supported");
            return null;
        }
        if (string.IsNullOrWhiteSpace(topic))
        {
            errors.Add(element, $"Service task '{id}' has no topic: set camunda:type=\"external\" and camunda:topic, or zeebe:taskDefinition type");
            return null;
        }
        var priority = ScopeReader.Integer(ExtensionReader.Camunda(element, "taskPriority")) ?? 0;
        var (policyRetries, backoff) = RetryPolicy(element, id);
        return new ServiceTask(id, name, scopeId, ExpressionCheck.Validate(errors, element, topic, "topic"), policyRetries) { Priority = priority, RetryBackoff = backoff };
    }

    /// <summary><c>camunda:failedJobRetryTimeCycle</c> as <c>R{retries}/{backoff}</c>, such as <c>R2/PT5M</c>.</summary>
    private (int? Retries, TimeSpan? Backoff) RetryPolicy(XElement element, string id)
    {
        var text = element.Element(Bpmn + "extensionElements")?.Element(BpmnNames.Camunda + "failedJobRetryTimeCycle")?.Value.Trim();
        if (string.IsNullOrEmpty(text)) return (null, null);
        var parts = text.Split('/');
        if (parts.Length == 2 && parts[0].StartsWith('R') && ScopeReader.Integer(parts[0][1..]) is { } count and >= 0
            && Timers.TimerSchedule.TryParseDuration(parts[1], out var backoff) && backoff >= TimeSpan.Zero)
            return (count, backoff);
        errors.Add(element, $"Service task '{id}' has camunda:failedJobRetryTimeCycle '{text}'; expected R<retries>/<ISO 8601 duration> such as R2/PT5M");
        return (null, null);
    }

    public UserTask UserTask(XElement element, string id, string? name, string scopeId)
    {
        var assignment = extensions.Zeebe(element, "assignmentDefinition");
        var form = extensions.Zeebe(element, "formDefinition");
        var schedule = extensions.Zeebe(element, "taskSchedule");
        var priority = extensions.Zeebe(element, "priorityDefinition");
        var formKey = (string?)form?.Attribute("formKey") ?? Prefixed("camunda-forms:", (string?)form?.Attribute("formId")) ?? ExtensionReader.Camunda(element, "formKey");
        return new UserTask(id, name, scopeId)
        {
            Assignee = Checked(element, (string?)assignment?.Attribute("assignee") ?? ExtensionReader.Camunda(element, "assignee"), "assignee"),
            CandidateUsers = Checked(element, (string?)assignment?.Attribute("candidateUsers") ?? ExtensionReader.Camunda(element, "candidateUsers"), "candidateUsers"),
            CandidateGroups = Checked(element, (string?)assignment?.Attribute("candidateGroups") ?? ExtensionReader.Camunda(element, "candidateGroups"), "candidateGroups"),
            FormKey = formKey,
            DueDate = Checked(element, (string?)schedule?.Attribute("dueDate") ?? ExtensionReader.Camunda(element, "dueDate"), "dueDate"),
            FollowUpDate = Checked(element, (string?)schedule?.Attribute("followUpDate") ?? ExtensionReader.Camunda(element, "followUpDate"), "followUpDate"),
            Priority = Checked(element, (string?)priority?.Attribute("priority") ?? ExtensionReader.Camunda(element, "priority"), "priority"),
        };
    }

    public ScriptTask? ScriptTask(XElement element, string id, string? name, string scopeId)
    {
        var feel = extensions.Zeebe(element, "script");
        if (feel is not null)
        {
            var expression = (string?)feel.Attribute("expression");
            var result = (string?)feel.Attribute("resultVariable");
            if (string.IsNullOrWhiteSpace(expression))
            {
                errors.Add(element, $"Script task '{id}' has a zeebe:script without an expression");
                return null;
            }
            return new ScriptTask(id, name, scopeId, ExpressionCheck.Validate(errors, element, expression, "script expression"), result) { IsExpression = true };
        }
        if (ExtensionReader.Camunda(element, "resource") is not null)
        {
            errors.Add(element, $"Script task '{id}' loads its script from camunda:resource; only inline scripts are supported");
            return null;
        }
        var format = (string?)element.Attribute("scriptFormat") ?? "javascript";
        if (format.ToLowerInvariant() is not ("javascript" or "js" or "ecmascript" or "text/javascript" or "application/javascript"))
        {
            errors.Add(element, $"Script task '{id}' is written in '{format}'; only JavaScript is supported");
            return null;
        }
        var script = element.Element(Bpmn + "script")?.Value;
        if (string.IsNullOrWhiteSpace(script))
        {
            errors.Add(element, $"Script task '{id}' has no script");
            return null;
        }
        return new ScriptTask(id, name, scopeId, script, ExtensionReader.Camunda(element, "resultVariable"));
    }

    public CallActivity? CallActivity(XElement element, string id, string? name, string scopeId)
    {
        var zeebe = extensions.Zeebe(element, "calledElement");
        var calledElement = (string?)zeebe?.Attribute("processId") ?? (string?)element.Attribute("calledElement");
        if (string.IsNullOrWhiteSpace(calledElement))
        {
            errors.Add(element, $"Call activity '{id}' names no process to call (calledElement or zeebe:calledElement processId)");
            return null;
        }
        var binding = ExtensionReader.Camunda(element, "calledElementBinding") ?? "latest";
        if (binding is not ("latest" or "deployment" or "version"))
        {
            errors.Add(element, $"Call activity '{id}' has camunda:calledElementBinding '{binding}'; latest, deployment and version are supported");
            return null;
        }
        var version = ScopeReader.Integer(ExtensionReader.Camunda(element, "calledElementVersion"));
        if (binding == "version" && version is null)
        {
            errors.Add(element, $"Call activity '{id}' binds by version but has no camunda:calledElementVersion");
            return null;
        }
        var extensionElements = element.Element(Bpmn + "extensionElements");
        var ins = extensionElements?.Elements(BpmnNames.Camunda + "in").ToList() ?? [];
        var outs = extensionElements?.Elements(BpmnNames.Camunda + "out").ToList() ?? [];
        return new CallActivity(id, name, scopeId, ExpressionCheck.Validate(errors, element, calledElement, "called element"))
        {
            Binding = binding,
            Version = version,
            PassAllVariables = zeebe is not null ? (string?)zeebe.Attribute("propagateAllParentVariables") is not "false" : ins.Any(i => (string?)i.Attribute("variables") == "all"),
            ReturnAllVariables = zeebe is not null ? (string?)zeebe.Attribute("propagateAllChildVariables") is not "false" : outs.Any(o => (string?)o.Attribute("variables") == "all"),
            PassBusinessKey = ins.Any(i => i.Attribute("businessKey") is not null),
            In = Mappings(element, ins),
            Out = Mappings(element, outs),
        };
    }

    /// <summary><c>camunda:in/out source="a" target="b"</c> or <c>sourceExpression="${...}" target="b"</c>.</summary>
    private List<VariableMapping> Mappings(XElement element, List<XElement> declarations)
    {
        var mappings = new List<VariableMapping>();
        foreach (var declaration in declarations)
        {
            var target = (string?)declaration.Attribute("target");
            var source = (string?)declaration.Attribute("source");
            var expression = (string?)declaration.Attribute("sourceExpression");
            if (target is null) continue;
            var text = expression ?? (source is null ? null : "${" + source + "}");
            if (text is not null) mappings.Add(new VariableMapping(target, ExpressionCheck.Validate(errors, element, text, $"variable mapping '{target}'")));
        }
        return mappings;
    }

    private string? Checked(XElement element, string? text, string attribute) =>
        text is null ? null : ExpressionCheck.Validate(errors, element, text, attribute);

    private static string? Prefixed(string prefix, string? value) => value is null ? null : prefix + value;
}
