using System.Text.Json.Nodes;
using Bpm.Testing;

namespace Bpm.Designer.Tests.Lint;

/// <summary>
/// One small model per kind of BPMN 2.0 flow node, per event definition of every event (start events in each scope
/// they can start), per loop, per zeebe extension element the modeler's moddle knows, and a few start and task type
/// structures: each otherwise fit to run, so that the engine accepts or refuses it for that kind alone.
/// </summary>
public static class ModelCases
{
    private const string None = "none";

    private static readonly string[] Activities =
        ["task", "manualTask", "userTask", "serviceTask", "scriptTask", "receiveTask", "sendTask", "businessRuleTask",
         "callActivity", "subProcess", "transaction", "adHocSubProcess"];

    private static readonly string[] Gateways = ["exclusiveGateway", "inclusiveGateway", "parallelGateway", "eventBasedGateway", "complexGateway"];

    private static readonly string[] EventDefinitions =
        [None, "messageEventDefinition", "timerEventDefinition", "signalEventDefinition", "errorEventDefinition",
         "escalationEventDefinition", "compensateEventDefinition", "conditionalEventDefinition", "linkEventDefinition",
         "cancelEventDefinition", "terminateEventDefinition"];

    public static IEnumerable<ModelCase> All()
    {
        foreach (var type in Activities.Concat(Gateways)) yield return Element(type);
        foreach (var definition in EventDefinitions)
        {
            yield return StartEvent("process", definition);
            yield return StartEvent("subProcess", definition);
            yield return StartEvent("eventSubProcess", definition);
            foreach (var type in new[] { "intermediateCatchEvent", "intermediateThrowEvent", "endEvent", "boundaryEvent" }) yield return Event(type, definition);
        }
        yield return new("startEvent with two event definitions", Model($"""
            <bpmn:startEvent id="x">{Definition("timerEventDefinition")}{Definition("messageEventDefinition")}</bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="x" targetRef="e" /><bpmn:endEvent id="e" />
            """), null);
        yield return Around("task with a multi-instance loop", """<bpmn:task id="x"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:task>""", "loops/bpmn:MultiInstanceLoopCharacteristics");
        yield return Around("task with a standard loop", """<bpmn:task id="x"><bpmn:standardLoopCharacteristics /></bpmn:task>""", null);
        yield return Around("service task without a task definition", """<bpmn:serviceTask id="x" />""", null);
        yield return Around("service task whose task definition has no type", """<bpmn:serviceTask id="x"><bpmn:extensionElements><zeebe:taskDefinition type="" /></bpmn:extensionElements></bpmn:serviceTask>""", null);
        yield return Around("service task with a Camunda 7 external topic", """<bpmn:serviceTask id="x" camunda:type="external" camunda:topic="work" />""", null);
        foreach (var type in ZeebeElementTypes())
        {
            var element = char.ToLowerInvariant(type[0]) + type[1..];
            yield return Around($"userTask with zeebe:{element}",
                $"""<bpmn:userTask id="x"><bpmn:extensionElements><zeebe:{element} /></bpmn:extensionElements></bpmn:userTask>""", $"extensions/zeebe:{type}");
        }
        yield return new("process without a start event", Model("""<bpmn:task id="x" />"""), null);
        yield return new("process with two none start events", Model("""<bpmn:startEvent id="s1" /><bpmn:startEvent id="s2" /><bpmn:endEvent id="e" />"""), null);
        yield return new("non-executable partner process without a start event", Model(
            """<bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="e" /><bpmn:endEvent id="e" />""",
            """<bpmn:process id="partner" isExecutable="false"><bpmn:task id="partnerTask" /></bpmn:process>"""), null);
    }

    /// <summary>
    /// The extension elements of zeebe-bpmn-moddle, as the modeler reads them: the types that are an Element (moddle
    /// drops any other one found among extension elements on import, with a warning, so it never reaches a deploy).
    /// </summary>
    private static IEnumerable<string> ZeebeElementTypes()
    {
        var moddle = JsonNode.Parse(File.ReadAllText(SourceTree.PathOf("Designer/Bpm.Designer/node_modules/zeebe-bpmn-moddle/resources/zeebe.json")))!;
        return moddle["types"]!.AsArray()
            .Where(t => t!["superClass"]?.AsArray().Any(s => s!.GetValue<string>() == "Element") == true)
            .Select(t => t!["name"]!.GetValue<string>());
    }

    private static ModelCase Element(string type)
    {
        var listing = $"elements/bpmn:{Pascal(type)}";
        return type switch
        {
            "eventBasedGateway" => new(type, Model("""
                <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="x" />
                <bpmn:eventBasedGateway id="x" />
                <bpmn:sequenceFlow id="f2" sourceRef="x" targetRef="wait" /><bpmn:sequenceFlow id="f3" sourceRef="x" targetRef="hear" />
                <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
                <bpmn:intermediateCatchEvent id="hear"><bpmn:messageEventDefinition messageRef="Message_1" /></bpmn:intermediateCatchEvent>
                <bpmn:sequenceFlow id="f4" sourceRef="wait" targetRef="e1" /><bpmn:sequenceFlow id="f5" sourceRef="hear" targetRef="e2" />
                <bpmn:endEvent id="e1" /><bpmn:endEvent id="e2" />
                """), listing),
            _ => Around(type, type switch
            {
                "serviceTask" or "sendTask" or "businessRuleTask" =>
                    $"""<bpmn:{type} id="x"><bpmn:extensionElements><zeebe:taskDefinition type="work" /></bpmn:extensionElements></bpmn:{type}>""",
                "scriptTask" => """<bpmn:scriptTask id="x"><bpmn:extensionElements><zeebe:script expression="=1 + 1" resultVariable="sum" /></bpmn:extensionElements></bpmn:scriptTask>""",
                "receiveTask" => """<bpmn:receiveTask id="x" messageRef="Message_1" />""",
                "callActivity" => """<bpmn:callActivity id="x"><bpmn:extensionElements><zeebe:calledElement processId="other" /></bpmn:extensionElements></bpmn:callActivity>""",
                "subProcess" or "transaction" =>
                    $"""<bpmn:{type} id="x"><bpmn:startEvent id="xs" /><bpmn:sequenceFlow id="xf" sourceRef="xs" targetRef="xe" /><bpmn:endEvent id="xe" /></bpmn:{type}>""",
                "adHocSubProcess" => """<bpmn:adHocSubProcess id="x"><bpmn:task id="xt" /></bpmn:adHocSubProcess>""",
                _ => $"""<bpmn:{type} id="x" />""",
            }, listing),
        };
    }

    private static ModelCase StartEvent(string scope, string definition)
    {
        var start = $"""<bpmn:startEvent id="x">{Definition(definition)}</bpmn:startEvent>""";
        var inner = $"""{start}<bpmn:sequenceFlow id="xf" sourceRef="x" targetRef="xe" /><bpmn:endEvent id="xe" />""";
        var body = scope switch
        {
            "process" => inner,
            "subProcess" => Path($"""<bpmn:subProcess id="sub">{inner}</bpmn:subProcess>""", "sub"),
            _ => Path("""<bpmn:task id="t" />""", "t") + $"""<bpmn:subProcess id="events" triggeredByEvent="true">{inner}</bpmn:subProcess>""",
        };
        return new($"startEvent in {scope} with {definition}", Model(body), $"startEvents/{scope}/{Listed(definition)}");
    }

    private static ModelCase Event(string type, string definition)
    {
        var listing = $"events/bpmn:{Pascal(type)}/{Listed(definition)}";
        var name = $"{type} with {definition}";
        var element = $"""<bpmn:{type} id="x">{Definition(definition)}</bpmn:{type}>""";
        return type switch
        {
            "endEvent" => new(name, Model($"""<bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="x" />{element}"""), listing),
            "boundaryEvent" when definition == "compensateEventDefinition" => new(name, Model(Path("""<bpmn:task id="host" />""", "host") + """
                <bpmn:boundaryEvent id="x" attachedToRef="host"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
                <bpmn:task id="undo" isForCompensation="true" />
                <bpmn:association id="a" associationDirection="One" sourceRef="x" targetRef="undo" />
                """), listing),
            "boundaryEvent" => new(name, Model(Path("""<bpmn:task id="host" />""", "host") + $"""
                <bpmn:boundaryEvent id="x" attachedToRef="host">{Definition(definition)}</bpmn:boundaryEvent>
                <bpmn:sequenceFlow id="bf" sourceRef="x" targetRef="be" /><bpmn:endEvent id="be" />
                """), listing),
            _ => Around(name, element, listing),
        };
    }

    /// <summary>start → the element (id x) → end.</summary>
    private static ModelCase Around(string name, string element, string? listing) => new(name, Model(Path(element, "x")), listing);

    private static string Path(string element, string id) => $"""
        <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="{id}" />
        {element}
        <bpmn:sequenceFlow id="f2" sourceRef="{id}" targetRef="e" /><bpmn:endEvent id="e" />
        """;

    private static string Definition(string definition) => definition switch
    {
        None => "",
        "messageEventDefinition" => """<bpmn:messageEventDefinition messageRef="Message_1" />""",
        "timerEventDefinition" => """<bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>""",
        "signalEventDefinition" => """<bpmn:signalEventDefinition signalRef="Signal_1" />""",
        "errorEventDefinition" => """<bpmn:errorEventDefinition errorRef="Error_1" />""",
        "escalationEventDefinition" => """<bpmn:escalationEventDefinition escalationRef="Escalation_1" />""",
        "conditionalEventDefinition" => """<bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">=ready</bpmn:condition></bpmn:conditionalEventDefinition>""",
        "linkEventDefinition" => """<bpmn:linkEventDefinition name="jump" />""",
        _ => $"<bpmn:{definition} />",
    };

    private static string Model(string body, string moreProcesses = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_1" targetNamespace="http://bpm.example/lint">
          <bpmn:message id="Message_1" name="news"><bpmn:extensionElements><zeebe:subscription correlationKey="=key" /></bpmn:extensionElements></bpmn:message>
          <bpmn:signal id="Signal_1" name="alarm" />
          <bpmn:error id="Error_1" name="Failure" errorCode="FAILED" />
          <bpmn:escalation id="Escalation_1" name="Late" escalationCode="LATE" />
          <bpmn:process id="kind" isExecutable="true">
            {body}
          </bpmn:process>
          {moreProcesses}
        </bpmn:definitions>
        """;

    private static string Listed(string definition) => definition == None ? None : "bpmn:" + Pascal(definition);

    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
