using System.Globalization;
using System.Xml.Linq;
using Bpm.Engine.Model;
using static Bpm.Engine.Parsing.BpmnNames;

namespace Bpm.Engine.Parsing;

/// <summary>Reads one process, with its embedded sub-processes, into a flat set of nodes and flows.</summary>
internal sealed class ScopeReader(
    ParseErrors errors,
    IReadOnlyDictionary<string, string?> errorCodes,
    IReadOnlyDictionary<string, MessageEventDefinition> messages,
    IReadOnlyDictionary<string, string> signals,
    IReadOnlyDictionary<string, string?> escalationCodes)
{
    private static readonly HashSet<string> Artifacts =
        ["documentation", "extensionElements", "laneSet", "textAnnotation", "association", "group", "dataObject",
         "dataObjectReference", "dataStoreReference", "ioSpecification", "property", "incoming", "outgoing",
         "dataInputAssociation", "dataOutputAssociation", "multiInstanceLoopCharacteristics", "standardLoopCharacteristics"];

    private readonly List<FlowNode> _nodes = [];
    private readonly List<(SequenceFlow Flow, XElement Element)> _flows = [];
    private readonly Dictionary<string, XElement> _elements = [];
    private readonly ExtensionReader _extensions = new(errors);
    private readonly EventDefinitionReader _events = new(errors, errorCodes, messages, signals, escalationCodes);
    /// <summary>True while reading an event sub-process, whose start event may be an error start.</summary>
    private bool _eventScope;

    private Dictionary<string, string> _associations = [];

    public ProcessDefinition? ReadProcess(XElement process)
    {
        _associations = process.Descendants(Bpmn + "association")
            .Where(a => a.Attribute("sourceRef") is not null && a.Attribute("targetRef") is not null)
            .GroupBy(a => (string)a.Attribute("sourceRef")!)
            .ToDictionary(g => g.Key, g => (string)g.First().Attribute("targetRef")!);
        var key = (string?)process.Attribute("id");
        if (string.IsNullOrWhiteSpace(key))
        {
            errors.Add(process, "A process has no id");
            return null;
        }
        var before = errors.Count;
        var start = ReadScope(process, key, isProcess: true);
        if (errors.Count > before) return null;
        var nodes = new GraphLinker(errors, _elements).Link(_nodes, _flows);
        if (errors.Count > before) return null;
        return new ProcessDefinition(key, (string?)process.Attribute("name"), start, nodes, _flows.Select(f => f.Flow))
        {
            CandidateStarterUsers = Names(ExtensionReader.Camunda(process, "candidateStarterUsers")),
            CandidateStarterGroups = Names(ExtensionReader.Camunda(process, "candidateStarterGroups")),
        };
    }

    /// <summary>A comma-separated list of names, as Camunda writes candidate starters.</summary>
    private static string[] Names(string? list) =>
        list?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    private string? ReadScope(XElement container, string scopeId, bool isProcess)
    {
        var starts = new List<string>();
        var timerStarts = 0;
        foreach (var element in container.Elements())
        {
            if (element.Name.Namespace != Bpmn)
            {
                continue;
            }
            var local = element.Name.LocalName;
            if (Artifacts.Contains(local)) continue;
            var id = (string?)element.Attribute("id");
            if (string.IsNullOrWhiteSpace(id))
            {
                errors.Add(element, $"A {local} has no id");
                continue;
            }
            if (local == "sequenceFlow")
            {
                ReadFlow(element, id);
                continue;
            }
            var node = ReadNode(element, id, local, scopeId, isProcess);
            if (node is null) continue;
            CheckActivityChildren(element, local);
            var (inputs, outputs) = _extensions.Read(element);
            _elements[id] = element;
            _nodes.Add(node with
            {
                Inputs = inputs,
                Outputs = outputs,
                Loop = ReadLoop(element, id),
                IsForCompensation = (string?)element.Attribute("isForCompensation") is "true",
                AsyncBefore = (string?)element.Attribute(BpmnNames.Camunda + "asyncBefore") is "true" || (string?)element.Attribute(BpmnNames.Camunda + "async") is "true",
                AsyncAfter = (string?)element.Attribute(BpmnNames.Camunda + "asyncAfter") is "true",
            });
            if (node is StartEvent { Timer: null, Message: null, Signal: null }) starts.Add(id);
            else if (node is StartEvent) timerStarts++;
        }
        var scopeElement = container;
        if (starts.Count == 0 && (!isProcess || timerStarts == 0))
        {
            errors.Add(scopeElement, $"'{ExtensionReader.Id(scopeElement)}' has no none start event");
            return null;
        }
        if (starts.Count == 0) return null;
        if (starts.Count > 1)
        {
            errors.Add(scopeElement, $"'{ExtensionReader.Id(scopeElement)}' has {starts.Count} none start events ({string.Join(", ", starts)}); exactly one is allowed");
            return null;
        }
        return starts[0];
    }

    private FlowNode? ReadNode(XElement element, string id, string type, string scopeId, bool isProcess)
    {
        var name = (string?)element.Attribute("name");
        switch (type)
        {
            case "startEvent" when isProcess && EventDefinitionReader.OnlyTimer(element):
                var startTimer = _events.ReadTimer(element);
                return startTimer is null ? null : new StartEvent(id, name, scopeId) { Timer = startTimer };
            case "startEvent" when isProcess && EventDefinitionReader.Only(element, "messageEventDefinition"):
                var startMessage = _events.ReadMessage(element, EventDefinitionReader.EventDefinitions(element).Single());
                return startMessage is null ? null : new StartEvent(id, name, scopeId) { Message = startMessage };
            case "startEvent" when _eventScope && EventDefinitionReader.Only(element, "escalationEventDefinition"):
                var startEscalation = _events.ReadEscalation(element);
                return startEscalation is null ? null : new StartEvent(id, name, scopeId) { Escalation = startEscalation };
            case "intermediateThrowEvent" when EventDefinitionReader.Only(element, "compensateEventDefinition"):
                return new IntermediateThrowEvent(id, name, scopeId) { Compensation = EventDefinitionReader.ReadCompensation(element) };
            case "endEvent" when EventDefinitionReader.Only(element, "compensateEventDefinition"):
                return new EndEvent(id, name, scopeId, Terminate: false) { Compensation = EventDefinitionReader.ReadCompensation(element) };
            case "intermediateThrowEvent" when EventDefinitionReader.Only(element, "escalationEventDefinition"):
                var thrownEscalation = _events.ReadEscalation(element);
                return thrownEscalation is null ? null : new IntermediateThrowEvent(id, name, scopeId) { Escalation = thrownEscalation };
            case "endEvent" when EventDefinitionReader.Only(element, "escalationEventDefinition"):
                var endEscalation = _events.ReadEscalation(element);
                return endEscalation is null ? null : new EndEvent(id, name, scopeId, Terminate: false) { Escalation = endEscalation };
            case "startEvent" when _eventScope && EventDefinitionReader.OnlyError(element):
                var startError = _events.ReadError(element);
                return startError is null ? null : new StartEvent(id, name, scopeId) { Error = startError };
            case "startEvent" when isProcess && EventDefinitionReader.Only(element, "signalEventDefinition"):
                var startSignal = _events.ReadSignal(element);
                return startSignal is null ? null : new StartEvent(id, name, scopeId) { Signal = startSignal };
            case "startEvent":
                return _events.NoEventDefinition(element, type) ? new StartEvent(id, name, scopeId) : null;
            case "intermediateCatchEvent" when EventDefinitionReader.Only(element, "signalEventDefinition"):
                var catchSignal = _events.ReadSignal(element);
                return catchSignal is null ? null : new IntermediateCatchEvent(id, name, scopeId) { Signal = catchSignal };
            case "intermediateThrowEvent" when EventDefinitionReader.Only(element, "signalEventDefinition"):
                var thrownSignal = _events.ReadSignal(element);
                return thrownSignal is null ? null : new IntermediateThrowEvent(id, name, scopeId) { Signal = thrownSignal };
            case "endEvent" when EventDefinitionReader.Only(element, "signalEventDefinition"):
                var endSignal = _events.ReadSignal(element);
                return endSignal is null ? null : new EndEvent(id, name, scopeId, Terminate: false) { Signal = endSignal };
            case "intermediateCatchEvent" when EventDefinitionReader.OnlyTimer(element):
                var catchTimer = _events.ReadTimer(element);
                return catchTimer is null ? null : new IntermediateCatchEvent(id, name, scopeId) { Timer = catchTimer };
            case "intermediateCatchEvent" when EventDefinitionReader.Only(element, "messageEventDefinition"):
                var catchMessage = _events.ReadMessage(element, EventDefinitionReader.EventDefinitions(element).Single());
                return catchMessage is null ? null : new IntermediateCatchEvent(id, name, scopeId) { Message = catchMessage };
            case "callActivity":
                return new TaskReader(errors, _extensions).CallActivity(element, id, name, scopeId);
            case "receiveTask":
                var received = _events.ReadMessage(element, element);
                return received is null ? null : new ReceiveTask(id, name, scopeId, received);
            case "boundaryEvent" when EventDefinitionReader.OnlyTimer(element) || EventDefinitionReader.OnlyError(element) || EventDefinitionReader.Only(element, "messageEventDefinition") || EventDefinitionReader.Only(element, "signalEventDefinition") || EventDefinitionReader.Only(element, "escalationEventDefinition")
                || EventDefinitionReader.Only(element, "compensateEventDefinition"):
                var attachedTo = (string?)element.Attribute("attachedToRef");
                if (string.IsNullOrEmpty(attachedTo))
                {
                    errors.Add(element, $"Boundary event '{id}' has no attachedToRef");
                    return null;
                }
                var cancelActivity = (string?)element.Attribute("cancelActivity") is not "false";
                if (EventDefinitionReader.OnlyError(element))
                {
                    if (!cancelActivity) errors.Add(element, $"Error boundary event '{id}' has cancelActivity=\"false\"; error boundary events always interrupt");
                    var caught = _events.ReadError(element);
                    return caught is null ? null : new BoundaryEvent(id, name, scopeId, attachedTo, CancelActivity: true) { Error = caught };
                }
                if (EventDefinitionReader.Only(element, "compensateEventDefinition"))
                {
                    if (!_associations.TryGetValue(id, out var handler))
                    {
                        errors.Add(element, $"Compensation boundary event '{id}' has no association to a compensation handler");
                        return null;
                    }
                    return new BoundaryEvent(id, name, scopeId, attachedTo, CancelActivity: false) { CompensationHandlerId = handler };
                }
                if (EventDefinitionReader.Only(element, "escalationEventDefinition"))
                {
                    var caughtEscalation = _events.ReadEscalation(element);
                    return caughtEscalation is null ? null : new BoundaryEvent(id, name, scopeId, attachedTo, cancelActivity) { Escalation = caughtEscalation };
                }
                if (EventDefinitionReader.Only(element, "signalEventDefinition"))
                {
                    var boundarySignal = _events.ReadSignal(element);
                    return boundarySignal is null ? null : new BoundaryEvent(id, name, scopeId, attachedTo, cancelActivity) { Signal = boundarySignal };
                }
                if (EventDefinitionReader.Only(element, "messageEventDefinition"))
                {
                    var boundaryMessage = _events.ReadMessage(element, EventDefinitionReader.EventDefinitions(element).Single());
                    return boundaryMessage is null ? null : new BoundaryEvent(id, name, scopeId, attachedTo, cancelActivity) { Message = boundaryMessage };
                }
                var boundaryTimer = _events.ReadTimer(element);
                return boundaryTimer is null ? null : new BoundaryEvent(id, name, scopeId, attachedTo, cancelActivity) { Timer = boundaryTimer };
            case "endEvent" when EventDefinitionReader.OnlyError(element):
                var thrown = _events.ReadError(element);
                if (thrown is { ErrorCode: null }) errors.Add(element, $"Error end event '{id}' throws no error code: its errorEventDefinition needs an errorRef to an error with an errorCode");
                return thrown is null ? null : new EndEvent(id, name, scopeId, Terminate: false) { Error = thrown };
            case "endEvent":
                var definitions = EventDefinitionReader.EventDefinitions(element).ToList();
                if (definitions.Count == 1 && definitions[0].Name.LocalName == "terminateEventDefinition")
                    return new EndEvent(id, name, scopeId, Terminate: true);
                return _events.NoEventDefinition(element, type) ? new EndEvent(id, name, scopeId, Terminate: false) : null;
            case "intermediateThrowEvent":
                return _events.NoEventDefinition(element, type) ? new IntermediateThrowEvent(id, name, scopeId) : null;
            case "exclusiveGateway":
                return new ExclusiveGateway(id, name, scopeId, (string?)element.Attribute("default"));
            case "inclusiveGateway":
                return new InclusiveGateway(id, name, scopeId, (string?)element.Attribute("default"));
            case "parallelGateway":
                return new ParallelGateway(id, name, scopeId);
            case "eventBasedGateway":
                return new EventBasedGateway(id, name, scopeId);
            case "serviceTask":
                return new TaskReader(errors, _extensions).ServiceTask(element, id, name, scopeId);
            case "userTask":
                return new TaskReader(errors, _extensions).UserTask(element, id, name, scopeId);
            case "scriptTask":
                return new TaskReader(errors, _extensions).ScriptTask(element, id, name, scopeId);
            case "task":
                return new PlainTask(id, name, scopeId, Manual: false);
            case "manualTask":
                return new PlainTask(id, name, scopeId, Manual: true);
            case "subProcess" when (string?)element.Attribute("triggeredByEvent") is "true":
                return ReadEventSubProcess(element, id, name, scopeId);
            case "subProcess":
                var start = ReadScope(element, id, isProcess: false);
                return start is null ? null : new SubProcess(id, name, scopeId, start);
            default:
                var definition = EventDefinitionReader.EventDefinitions(element).FirstOrDefault();
                errors.Add(element, definition is null
                    ? $"'{id}' is a {type}, which this engine does not support yet"
                    : $"'{id}' is a {type} with a {definition.Name.LocalName}, which this engine does not support yet");
                return null;
        }
    }

    private void ReadFlow(XElement element, string id)
    {
        var source = (string?)element.Attribute("sourceRef");
        var target = (string?)element.Attribute("targetRef");
        if (string.IsNullOrEmpty(source) || string.IsNullOrEmpty(target))
        {
            errors.Add(element, $"Sequence flow '{id}' needs both sourceRef and targetRef");
            return;
        }
        string? condition = null;
        var expression = element.Element(Bpmn + "conditionExpression");
        if (expression is not null)
        {
            var language = (string?)expression.Attribute("language");
            if (language is not null && !language.Equals("juel", StringComparison.OrdinalIgnoreCase) && !language.Equals("feel", StringComparison.OrdinalIgnoreCase))
                errors.Add(element, $"The condition of sequence flow '{id}' is written in '{language}'; only JUEL and FEEL expressions are supported");
            condition = expression.Value.Trim();
            if (condition.Length == 0) condition = null;
            else if (!condition.StartsWith('=') && !condition.Contains("${") && !condition.Contains("#{"))
                errors.Add(element, $"The condition of sequence flow '{id}' is not an expression: write ${{...}} (JUEL) or =... (FEEL)");
            else ExpressionCheck.Validate(errors, element, condition, "condition");
        }
        _flows.Add((new SequenceFlow(id, (string?)element.Attribute("name"), source, target, condition), element));
    }

    private void CheckActivityChildren(XElement element, string type)
    {
        foreach (var child in element.Elements(Bpmn + "standardLoopCharacteristics"))
            errors.Add(element, $"'{element.Attribute("id")?.Value}' ({type}) has standardLoopCharacteristics, which this engine does not support; use multi-instance");
    }

    /// <summary>Multi-instance characteristics in both dialects: camunda:collection/elementVariable or zeebe:loopCharacteristics.</summary>
    private MultiInstance? ReadLoop(XElement element, string id)
    {
        var characteristics = element.Element(Bpmn + "multiInstanceLoopCharacteristics");
        if (characteristics is null) return null;
        var zeebe = characteristics.Element(Bpmn + "extensionElements")?.Element(BpmnNames.Zeebe + "loopCharacteristics");
        var loop = new MultiInstance((string?)characteristics.Attribute("isSequential") is "true")
        {
            Cardinality = Text(characteristics.Element(Bpmn + "loopCardinality")),
            Collection = (string?)zeebe?.Attribute("inputCollection") ?? (string?)characteristics.Attribute(BpmnNames.Camunda + "collection"),
            ElementVariable = (string?)zeebe?.Attribute("inputElement") ?? (string?)characteristics.Attribute(BpmnNames.Camunda + "elementVariable"),
            OutputCollection = (string?)zeebe?.Attribute("outputCollection"),
            OutputElement = (string?)zeebe?.Attribute("outputElement"),
            CompletionCondition = Text(characteristics.Element(Bpmn + "completionCondition")),
        };
        if (loop.Collection is null && loop.Cardinality is null)
        {
            errors.Add(element, $"Multi-instance '{id}' needs an input collection or a loop cardinality");
            return null;
        }
        // Camunda 7 writes a bare variable name as the collection; treat it as that variable.
        if (loop.Collection is { } collection && Expressions.Expression.Parse(collection).IsLiteral) loop = loop with { Collection = "${" + collection + "}" };
        foreach (var (text, what) in new[] { (loop.Cardinality, "loop cardinality"), (loop.Collection, "input collection"), (loop.OutputElement, "output element"), (loop.CompletionCondition, "completion condition") })
        {
            if (text is not null) ExpressionCheck.Validate(errors, element, text, what);
        }
        return loop;
    }

    private static string? Text(XElement? element) => element is null || string.IsNullOrWhiteSpace(element.Value) ? null : element.Value.Trim();

    /// <summary>
    /// An event sub-process: exactly one start event, with a timer, message, signal or error definition, and
    /// isInterrupting (true by default; error starts always interrupt).
    /// </summary>
    private EventSubProcess? ReadEventSubProcess(XElement element, string id, string? name, string scopeId)
    {
        var starts = element.Elements(Bpmn + "startEvent").ToList();
        if (starts.Count != 1 || EventDefinitionReader.EventDefinitions(starts[0]).Count() != 1)
        {
            errors.Add(element, $"Event sub-process '{id}' needs exactly one start event with a timer, message, signal or error definition");
            return null;
        }
        var before = errors.Count;
        _eventScope = true;
        ReadScope(element, id, isProcess: true);
        _eventScope = false;
        if (errors.Count > before) return null;
        var startId = (string)starts[0].Attribute("id")!;
        var index = _nodes.FindIndex(n => n.Id == startId);
        var start = (StartEvent)_nodes[index];
        var interrupting = (string?)starts[0].Attribute("isInterrupting") is not "false";
        if (start.Error is not null && !interrupting) errors.Add(starts[0], $"Error start event '{startId}' must interrupt");
        _nodes[index] = start with { IsInterrupting = interrupting };
        return new EventSubProcess(id, name, scopeId, startId);
    }

    internal static int? Integer(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
