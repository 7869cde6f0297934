using System.Xml.Linq;
using Bpm.Engine.Model;
using static Bpm.Engine.Parsing.BpmnNames;

namespace Bpm.Engine.Parsing;

/// <summary>
/// Reads the event definitions of events: timers, messages, signals, errors, escalations and compensation,
/// resolving their references to the messages, signals, errors and escalations the resource declares.
/// </summary>
internal sealed class EventDefinitionReader(
    ParseErrors errors,
    IReadOnlyDictionary<string, string?> errorCodes,
    IReadOnlyDictionary<string, MessageEventDefinition> messages,
    IReadOnlyDictionary<string, string> signals,
    IReadOnlyDictionary<string, string?> escalationCodes)
{
    public bool NoEventDefinition(XElement element, string type)
    {
        var definition = EventDefinitions(element).FirstOrDefault();
        if (definition is null) return true;
        errors.Add(element, $"'{element.Attribute("id")?.Value}' is a {type} with a {definition.Name.LocalName}, which this engine does not support yet");
        return false;
    }

    public static bool Only(XElement element, string definition)
    {
        var definitions = EventDefinitions(element).ToList();
        return definitions.Count == 1 && definitions[0].Name.LocalName == definition;
    }

    public static bool OnlyTimer(XElement element)
    {
        var definitions = EventDefinitions(element).ToList();
        return definitions.Count == 1 && definitions[0].Name.LocalName == "timerEventDefinition";
    }

    public static bool OnlyError(XElement element)
    {
        var definitions = EventDefinitions(element).ToList();
        return definitions.Count == 1 && definitions[0].Name.LocalName == "errorEventDefinition";
    }

    /// <summary>Reads a timer event definition: exactly one of timeDate, timeDuration and timeCycle, checked now if literal.</summary>
    public TimerDefinition? ReadTimer(XElement element)
    {
        var definition = EventDefinitions(element).Single();
        var id = ExtensionReader.Id(element);
        var parts = definition.Elements().Where(e => e.Name.Namespace == Bpmn && e.Name.LocalName is "timeDate" or "timeDuration" or "timeCycle").ToList();
        if (parts.Count != 1)
        {
            errors.Add(element, $"The timer of '{id}' needs exactly one of timeDate, timeDuration and timeCycle");
            return null;
        }
        var kind = parts[0].Name.LocalName switch { "timeDate" => TimerKind.Date, "timeDuration" => TimerKind.Duration, _ => TimerKind.Cycle };
        var text = parts[0].Value.Trim();
        if (text.Length == 0)
        {
            errors.Add(element, $"The {parts[0].Name.LocalName} of '{id}' is empty");
            return null;
        }
        var expression = ExpressionCheck.Validate(errors, element, text, parts[0].Name.LocalName);
        if (Expressions.Expression.Parse(text) is { IsLiteral: true }
            && !Timers.TimerSchedule.TryFirst(kind, text, DateTimeOffset.UtcNow, out _, out _, out var problem))
        {
            errors.Add(element, $"The {parts[0].Name.LocalName} of '{id}' is invalid: {problem}");
            return null;
        }
        return new TimerDefinition(kind, expression);
    }

    /// <summary>Reads the message an element waits for from the messageRef of <paramref name="holder"/>.</summary>
    public MessageEventDefinition? ReadMessage(XElement element, XElement holder)
    {
        var reference = (string?)holder.Attribute("messageRef");
        if (reference is null)
        {
            errors.Add(element, $"'{ExtensionReader.Id(element)}' waits for a message but names none (messageRef)");
            return null;
        }
        if (!messages.TryGetValue(reference, out var message))
        {
            errors.Add(element, $"'{ExtensionReader.Id(element)}' refers to message '{reference}', which is not declared with a name");
            return null;
        }
        return message;
    }

    /// <summary>Reads the signal of an event from its signalRef, which must name a declared bpmn:signal.</summary>
    public SignalEventDefinition? ReadSignal(XElement element)
    {
        var reference = (string?)EventDefinitions(element).Single().Attribute("signalRef");
        if (reference is not null && signals.TryGetValue(reference, out var signal)) return new SignalEventDefinition(signal);
        errors.Add(element, reference is null
            ? $"'{ExtensionReader.Id(element)}' waits for or throws a signal but names none (signalRef)"
            : $"'{ExtensionReader.Id(element)}' refers to signal '{reference}', which is not declared with a name");
        return null;
    }

    /// <summary>Reads an error event definition; its errorRef must name a declared bpmn:error.</summary>
    public ErrorEventDefinition? ReadError(XElement element)
    {
        var definition = EventDefinitions(element).Single();
        var reference = (string?)definition.Attribute("errorRef");
        string? code = null;
        if (reference is not null && !errorCodes.TryGetValue(reference, out code))
        {
            errors.Add(element, $"'{ExtensionReader.Id(element)}' refers to error '{reference}', which is not declared");
            return null;
        }
        return new ErrorEventDefinition(code,
            (string?)definition.Attribute(BpmnNames.Camunda + "errorCodeVariable"),
            (string?)definition.Attribute(BpmnNames.Camunda + "errorMessageVariable"));
    }

    /// <summary>Reads an escalation event definition; its escalationRef must name a declared bpmn:escalation.</summary>
    public EscalationEventDefinition? ReadEscalation(XElement element)
    {
        var reference = (string?)EventDefinitions(element).Single().Attribute("escalationRef");
        string? code = null;
        if (reference is not null && !escalationCodes.TryGetValue(reference, out code))
        {
            errors.Add(element, $"'{ExtensionReader.Id(element)}' refers to escalation '{reference}', which is not declared");
            return null;
        }
        return new EscalationEventDefinition(code);
    }

    public static CompensationEventDefinition ReadCompensation(XElement element) =>
        new((string?)EventDefinitions(element).Single().Attribute("activityRef"));

    public static IEnumerable<XElement> EventDefinitions(XElement element) =>
        element.Elements().Where(e => e.Name.Namespace == Bpmn && (e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal) || e.Name.LocalName == "eventDefinitionRef"));
}
