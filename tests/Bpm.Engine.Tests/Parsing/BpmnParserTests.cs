using Bpm.Engine.Model;
using Bpm.Engine.Parsing;

namespace Bpm.Engine.Tests.Parsing;

public sealed class BpmnParserTests
{
    private const string Definitions = """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d">
        """;

    private static ParseResult Parse(string xml) => new BpmnParser().Parse(xml);

    [Fact]
    public void Should_read_a_model_without_diagram_information()
    {
        var definition = Fixture.Definition("exclusive-gateway.bpmn");
        Assert.Equal("exclusive", definition.Key);
        Assert.Equal("Exclusive routing", definition.Name);
        Assert.Equal("start", definition.StartEventId);
        var gateway = Assert.IsType<ExclusiveGateway>(definition.Node("decide"));
        Assert.Equal("small", gateway.DefaultFlowId);
        Assert.Equal(["big", "small"], gateway.Outgoing);
    }

    [Fact]
    public void Should_read_the_candidate_starters_and_let_only_them_start_by_hand()
    {
        var xml = Definitions + """
              <bpmn:process id="expenses" isExecutable="true" camunda:candidateStarterGroups="finance, managers" camunda:candidateStarterUsers=" ann ,">
                <bpmn:startEvent id="start" />
              </bpmn:process>
            </bpmn:definitions>
            """;

        var definition = Assert.Single(Parse(xml).Processes);

        Assert.Equal(["finance", "managers"], definition.CandidateStarterGroups);
        Assert.Equal(["ann"], definition.CandidateStarterUsers);
        Assert.True(definition.MayBeStartedBy("carol", ["sales", "managers"]));
        Assert.True(definition.MayBeStartedBy("ann", []));
        Assert.False(definition.MayBeStartedBy("mallory", ["sales"]));
        Assert.True(Fixture.Definition("exclusive-gateway.bpmn").MayBeStartedBy("mallory", []));
    }

    [Fact]
    public void Should_ignore_diagram_information()
    {
        var xml = Fixture.Xml("exclusive-no-default.bpmn").Replace("</bpmn:definitions>", """
              <bpmndi:BPMNDiagram xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" id="diagram">
                <bpmndi:BPMNPlane id="plane" bpmnElement="exclusiveNoDefault" />
              </bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """);
        Assert.True(Parse(xml).IsSuccess);
    }

    [Fact]
    public void Should_reject_unsupported_elements_naming_their_id_and_type()
    {
        var result = new BpmnParser().Parse(Fixture.Xml("unsupported-elements.bpmn"));
        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, e => e.ElementId == "wait" && e.Message.Contains("intermediateCatchEvent") && e.Message.Contains("conditionalEventDefinition"));
        Assert.Contains(result.Errors, e => e.ElementId == "call" && e.Message.Contains("complexGateway") && e.Line > 0 && e.Column > 0);
    }

    [Fact]
    public void Should_reject_a_sequence_flow_to_an_unknown_element()
    {
        var result = new BpmnParser().Parse(Fixture.Xml("dangling-reference.bpmn"));
        var error = Assert.Single(result.Errors);
        Assert.Equal("f1", error.ElementId);
        Assert.Contains("'nowhere'", error.Message);
        Assert.Equal(5, error.Line);
    }

    [Fact]
    public void Should_reject_malformed_XML_with_line_and_column()
    {
        var error = Assert.Single(Parse(Definitions + "<bpmn:process id=\"p\" isExecutable=\"true\"><bpmn:startEvent id=\"s\"></bpmn:process>").Errors);
        Assert.Contains("not well-formed", error.Message);
        Assert.True(error.Line > 0);
    }

    [Fact]
    public void Should_refuse_external_entities()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
              <bpmn:process id="p" name="&xxe;" isExecutable="true"><bpmn:startEvent id="s" /></bpmn:process>
            </bpmn:definitions>
            """;
        var error = Assert.Single(Parse(xml).Errors);
        Assert.Contains("DOCTYPE", error.Message);
    }

    [Fact]
    public void Should_refuse_entity_expansion()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [ <!ENTITY lol "lol"> <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"> ]>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><bpmn:process id="&lol2;" /></bpmn:definitions>
            """;
        Assert.Contains("DOCTYPE", Assert.Single(Parse(xml).Errors).Message);
    }

    [Fact]
    public void Should_reject_a_document_that_is_not_BPMN()
    {
        var error = Assert.Single(Parse("<html><body/></html>").Errors);
        Assert.Contains("not BPMN 2.0", error.Message);
    }

    [Fact]
    public void Should_reject_a_service_task_without_a_topic()
    {
        var result = Parse(Definitions + """
            <bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="s" /><bpmn:serviceTask id="call" /></bpmn:process></bpmn:definitions>
            """);
        Assert.Contains(result.Errors, e => e.ElementId == "call" && e.Message.Contains("no topic"));
    }

    [Fact]
    public void Should_reject_Java_delegates()
    {
        var result = Parse(Definitions + """
            <bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="s" /><bpmn:serviceTask id="call" camunda:class="com.acme.Foo" /></bpmn:process></bpmn:definitions>
            """);
        Assert.Contains(result.Errors, e => e.ElementId == "call" && e.Message.Contains("camunda:class"));
    }

    [Fact]
    public void Should_reject_a_condition_with_a_syntax_error()
    {
        var xml = Fixture.Xml("exclusive-gateway.bpmn").Replace("=total &gt;= 500", "=total &gt;= (500");
        var result = Parse(xml);
        Assert.Contains(result.Errors, e => e.ElementId == "big" && e.Message.Contains("condition"));
    }

    [Fact]
    public void Should_reject_a_process_without_a_start_event()
    {
        var result = Parse(Definitions + """<bpmn:process id="p" isExecutable="true"><bpmn:endEvent id="e" /></bpmn:process></bpmn:definitions>""");
        Assert.Contains(result.Errors, e => e.Message.Contains("no none start event"));
    }

    [Fact]
    public void Should_reject_duplicate_ids()
    {
        var result = Parse(Definitions + """<bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="s" /><bpmn:endEvent id="s" /></bpmn:process></bpmn:definitions>""");
        Assert.Contains(result.Errors, e => e.Message.Contains("Duplicate id 's'"));
    }

    [Fact]
    public void Should_reject_a_default_flow_that_does_not_leave_the_gateway()
    {
        var xml = Fixture.Xml("exclusive-gateway.bpmn").Replace("default=\"small\"", "default=\"f2\"");
        Assert.Contains(Parse(xml).Errors, e => e.ElementId == "decide" && e.Message.Contains("'f2'"));
    }

    [Fact]
    public void Should_skip_processes_that_are_not_executable()
    {
        var result = Parse(Definitions + """
            <bpmn:process id="a" isExecutable="false"><bpmn:startEvent id="s1" /></bpmn:process>
            <bpmn:process id="b" isExecutable="true"><bpmn:startEvent id="s2" /></bpmn:process></bpmn:definitions>
            """);
        Assert.Equal("b", Assert.Single(result.Processes).Key);
    }

    [Fact]
    public void Should_read_every_element_of_the_sub_process_into_its_scope()
    {
        var definition = Fixture.Definition("sub-process.bpmn");
        Assert.Equal("handle", definition.Node("pack").ScopeId);
        Assert.Equal("subProcesses", definition.Node("handle").ScopeId);
        Assert.Equal("subStart", Assert.IsType<SubProcess>(definition.Node("handle")).StartEventId);
    }

    [Fact]
    public void Should_read_timer_catch_boundary_and_start_events()
    {
        var boundary = Assert.IsType<BoundaryEvent>(Fixture.Definition("timer-boundary.bpmn").Node("paymentReminder"));
        Assert.Equal("pay", boundary.AttachedToId);
        Assert.False(boundary.CancelActivity);
        Assert.Equal(new TimerDefinition(TimerKind.Cycle, "R2/PT12H"), boundary.Timer);
        var overdue = Assert.IsType<BoundaryEvent>(Fixture.Definition("timer-boundary.bpmn").Node("approvalOverdue"));
        Assert.True(overdue.CancelActivity);
        var wait = Assert.IsType<IntermediateCatchEvent>(Fixture.Definition("timer-catch.bpmn").Node("wait"));
        Assert.Equal(new TimerDefinition(TimerKind.Duration, "PT24H"), wait.Timer);
    }

    [Fact]
    public void Should_reject_a_literal_timer_that_is_not_one()
    {
        var xml = Fixture.Xml("timer-catch.bpmn").Replace(">PT24H<", ">24 hours<");
        Assert.Contains(Parse(xml).Errors, e => e.ElementId == "wait" && e.Message.Contains("24 hours"));
    }

    [Fact]
    public void Should_reject_a_boundary_event_attached_to_no_activity()
    {
        var xml = Fixture.Xml("timer-boundary.bpmn").Replace("attachedToRef=\"pay\"", "attachedToRef=\"fork\"");
        Assert.Contains(Parse(xml).Errors, e => e.ElementId == "paymentReminder" && e.Message.Contains("'fork'"));
    }

    [Fact]
    public void Should_reject_a_timer_start_event_inside_a_sub_process()
    {
        var xml = Fixture.Xml("sub-process.bpmn").Replace("<bpmn:startEvent id=\"subStart\" />",
            "<bpmn:startEvent id=\"subStart\"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>");
        Assert.Contains(Parse(xml).Errors, e => e.ElementId == "subStart" && e.Message.Contains("timerEventDefinition"));
    }

    [Fact]
    public void Should_read_error_boundary_and_end_events_with_their_codes()
    {
        var definition = Fixture.Definition("error-events.bpmn");
        Assert.Equal("CREDIT_REFUSED", Assert.IsType<BoundaryEvent>(definition.Node("refused")).Error!.ErrorCode);
        Assert.Null(Assert.IsType<BoundaryEvent>(definition.Node("anyError")).Error!.ErrorCode);
        Assert.Equal("BOOKING_FAILED", Assert.IsType<EndEvent>(definition.Node("bookingFailed")).Error!.ErrorCode);
        Assert.Equal("errorEndEvent", definition.Node("bookingFailed").ActivityType);
    }

    [Fact]
    public void Should_reject_an_error_reference_to_an_undeclared_error()
    {
        var xml = Fixture.Xml("error-events.bpmn").Replace("errorRef=\"Error_Refused\"", "errorRef=\"Error_Unknown\"");
        Assert.Contains(Parse(xml).Errors, e => e.ElementId == "refused" && e.Message.Contains("Error_Unknown"));
    }

    [Fact]
    public void Should_reject_a_non_interrupting_error_boundary_event()
    {
        var xml = Fixture.Xml("error-events.bpmn").Replace("<bpmn:boundaryEvent id=\"refused\" attachedToRef=\"checkCredit\">", "<bpmn:boundaryEvent id=\"refused\" attachedToRef=\"checkCredit\" cancelActivity=\"false\">");
        Assert.Contains(Parse(xml).Errors, e => e.ElementId == "refused" && e.Message.Contains("always interrupt"));
    }

    [Fact]
    public void Should_read_the_retry_policy_of_a_service_task()
    {
        var task = Assert.IsType<ServiceTask>(Fixture.Definition("retry-policy.bpmn").Node("syncUsers"));
        Assert.Equal(2, task.Retries);
        Assert.Equal(TimeSpan.FromSeconds(1), task.RetryBackoff);
    }

    [Fact]
    public void Should_reject_a_retry_policy_it_cannot_read()
    {
        var xml = Fixture.Xml("retry-policy.bpmn").Replace("R2/PT1S", "twice");
        Assert.Contains(Parse(xml).Errors, e => e.ElementId == "syncUsers" && e.Message.Contains("twice"));
    }

    [Fact]
    public void Should_reject_an_event_based_gateway_followed_by_a_task()
    {
        var xml = Fixture.Xml("event-gateway.bpmn").Replace("targetRef=\"dayPassed\" />", "targetRef=\"expireCheckout\" />");
        Assert.Contains(Parse(xml).Errors, e => e.ElementId == "race" && e.Message.Contains("expireCheckout"));
    }
}
