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
    public void Should_not_undo_anything_on_the_happy_path()
    {
        var run = ProcessHarness.Start("compensation.bpmn").Complete("bookHotel").Complete("bookFlight", """{"paymentFailed": false}""");
        Assert.Equal(InstanceState.Completed, run.Instance.State);
        Assert.DoesNotContain("cancelHotel", run.Path);
        Assert.Empty(run.Instance.Compensations);
    }

    [Fact]
    public void Should_reject_a_compensation_boundary_event_without_a_handler()
    {
        var result = new Bpm.Engine.Parsing.BpmnParser().Parse(Fixture.Xml("compensation.bpmn").Replace("sourceRef=\"undoHotel\" targetRef=\"cancelHotel\"", "sourceRef=\"nothing\" targetRef=\"cancelHotel\""));
        Assert.Contains(result.Errors, e => e.ElementId == "undoHotel" && e.Message.Contains("no association"));
    }
}
