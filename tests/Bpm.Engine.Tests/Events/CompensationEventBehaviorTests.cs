using Bpm.Engine.Runtime;

namespace Bpm.Engine.Tests.Events;

public sealed class CompensationEventBehaviorTests
{
    [Fact]
    public void Should_undo_completed_activities_newest_first_and_then_end()
    {
        var run = ProcessHarness.Start("compensation.bpmn").Complete("bookHotel").Complete("bookFlight", """{"paymentFailed": true}""");

        Assert.Equal(["cancelFlight"], run.Waiting.Where(w => w != "undoAll"));
        run.Complete("cancelFlight");
        Assert.Equal(["cancelHotel"], run.Waiting.Where(w => w != "undoAll"));
        run.Complete("cancelHotel");

        Assert.Equal(["undoAll", "cancelFlight", "cancelHotel"], run.Path.SkipWhile(a => a != "undoAll"));
        Assert.Equal(InstanceState.Completed, run.Instance.State);
        Assert.Empty(run.Instance.Compensations);
    }

    [Fact]
    public void Should_undo_the_enclosing_scope_when_thrown_in_an_event_sub_process()
    {
        var run = ProcessHarness.Start("compensation-event-subprocess.bpmn").Complete("bookHotel").Complete("bookFlight").ThrowError("pay", "payment-failed");

        // The event sub-process and its throw event wait while the handlers run.
        string[] waitingForHandlers = ["onPaymentFailed", "undoAll"];
        Assert.Equal(["cancelFlight"], run.Waiting.Except(waitingForHandlers));
        run.Complete("cancelFlight");
        Assert.Equal(["cancelHotel"], run.Waiting.Except(waitingForHandlers));
        run.Complete("cancelHotel");

        Assert.Equal(["undoAll", "cancelFlight", "cancelHotel", "tripCancelled"], run.Path.SkipWhile(a => a != "undoAll").Where(a => a != "onPaymentFailed"));
        Assert.DoesNotContain("booked", run.Path);
        Assert.Equal(InstanceState.Completed, run.Instance.State);
        Assert.Empty(run.Instance.Compensations);
    }

    [Fact]
    public void Should_not_undo_anything_on_the_happy_path()
    {
        var run = ProcessHarness.Start("compensation.bpmn").Complete("bookHotel").Complete("bookFlight", """{"paymentFailed": false}""");
        Assert.Equal(InstanceState.Completed, run.Instance.State);
        Assert.DoesNotContain("cancelHotel", run.Path);
        Assert.Empty(run.Instance.Compensations);
    }

    [Fact]
    public void Should_undo_the_activities_of_a_completed_sub_process_newest_first_before_what_came_before_it()
    {
        var run = ProcessHarness.Start("compensation-subprocess.bpmn")
            .Complete("reserveCar").Complete("bookHotel").Complete("bookFlight").Complete("pay", """{"paymentFailed": true}""");

        foreach (var handler in new[] { "cancelFlight", "cancelHotel", "releaseCar" })
        {
            Assert.Equal([handler], run.Waiting.Where(w => w != "undoAll"));
            run.Complete(handler);
        }

        Assert.Equal(["undoAll", "cancelFlight", "cancelHotel", "releaseCar"], run.Path.SkipWhile(a => a != "undoAll"));
        Assert.Equal(InstanceState.Completed, run.Instance.State);
        Assert.Empty(run.Instance.Compensations);
    }

    [Fact]
    public void Should_undo_only_the_sub_process_when_the_throw_names_it()
    {
        var run = ProcessHarness.Start("compensation-subprocess.bpmn", edit: xml => xml
                .Replace("""<bpmn:endEvent id="undoAll"><bpmn:compensateEventDefinition /></bpmn:endEvent>""",
                    """<bpmn:endEvent id="undoAll"><bpmn:compensateEventDefinition activityRef="bookTrip" /></bpmn:endEvent>"""))
            .Complete("reserveCar").Complete("bookHotel").Complete("bookFlight").Complete("pay", """{"paymentFailed": true}""");

        run.Complete("cancelFlight").Complete("cancelHotel");

        Assert.Equal(["undoAll", "cancelFlight", "cancelHotel"], run.Path.SkipWhile(a => a != "undoAll"));
        Assert.DoesNotContain("releaseCar", run.Path);
        Assert.Equal(InstanceState.Completed, run.Instance.State);
    }

    [Fact]
    public void Should_let_a_sub_process_with_its_own_handler_be_undone_by_that_handler_alone()
    {
        var run = ProcessHarness.Start("compensation-subprocess.bpmn", edit: xml => xml.Replace("""    <bpmn:sequenceFlow id="f3" sourceRef="bookTrip" targetRef="pay" />""", """
                <bpmn:sequenceFlow id="f3" sourceRef="bookTrip" targetRef="pay" />
                <bpmn:boundaryEvent id="undoTrip" attachedToRef="bookTrip"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
                <bpmn:serviceTask id="cancelTrip" isForCompensation="true" camunda:type="external" camunda:topic="cancel-trip" />
                <bpmn:association id="a3" associationDirection="One" sourceRef="undoTrip" targetRef="cancelTrip" />
                """))
            .Complete("reserveCar").Complete("bookHotel").Complete("bookFlight").Complete("pay", """{"paymentFailed": true}""");

        run.Complete("cancelTrip").Complete("releaseCar");

        Assert.Equal(["undoAll", "cancelTrip", "releaseCar"], run.Path.SkipWhile(a => a != "undoAll"));
        Assert.Equal(InstanceState.Completed, run.Instance.State);
    }

    [Fact]
    public void Should_reject_a_compensation_boundary_event_without_a_handler()
    {
        var result = new Bpm.Engine.Parsing.BpmnParser().Parse(Fixture.Xml("compensation.bpmn").Replace("sourceRef=\"undoHotel\" targetRef=\"cancelHotel\"", "sourceRef=\"nothing\" targetRef=\"cancelHotel\""));
        Assert.Contains(result.Errors, e => e.ElementId == "undoHotel" && e.Message.Contains("no association"));
    }
}
