using Bpm.Engine.Runtime;
using Bpm.Engine.Runtime.Effects;

namespace Bpm.Engine.Tests.Events;

public sealed class ErrorEventBehaviorTests
{
    [Fact]
    public void Should_catch_a_worker_error_on_the_task_by_its_code_and_keep_code_and_message()
    {
        var run = ProcessHarness.Start("error-events.bpmn").ThrowError("checkCredit", "CREDIT_REFUSED", "score 310");

        Assert.Equal(["askGuarantor", "booking"], run.Waiting);
        Assert.Equal("CREDIT_REFUSED", run.Variable("refusalCode")!.GetValue<string>());
        Assert.Equal("score 310", run.Variable("refusalMessage")!.GetValue<string>());
        var task = run.Effects.OfType<ActivityStarted>().Single(s => s.ActivityId == "checkCredit").ActivityInstanceId;
        Assert.Contains(run.Effects, e => e is ActivityEnded { Canceled: true } ended && ended.ActivityInstanceId == task);
        Assert.Empty(run.Incidents);
    }

    [Fact]
    public void Should_let_an_error_the_task_does_not_catch_reach_the_sub_process_boundary()
    {
        var run = ProcessHarness.Start("error-events.bpmn").ThrowError("checkCredit", "TIMEOUT");

        Assert.Equal(["compensate"], run.Waiting);
        Assert.Equal("TIMEOUT", run.Variable("failure")!.GetValue<string>());
        Assert.Contains(run.Effects, e => e is ActivityEnded { Canceled: true } ended
            && ended.ActivityInstanceId == run.Effects.OfType<ActivityStarted>().Single(s => s.ActivityId == "booking").ActivityInstanceId);
    }

    [Fact]
    public void Should_throw_from_an_error_end_event_to_the_enclosing_boundary()
    {
        var run = ProcessHarness.Start("error-events.bpmn", """{"calendarDown": true}""").Complete("checkCredit").Complete("createEvent");

        Assert.Equal(["start", "booking", "bookingStart", "checkCredit", "createEvent", "eventOk", "bookingFailed", "anyError", "compensate"], run.Path);
        Assert.Equal("BOOKING_FAILED", run.Variable("failure")!.GetValue<string>());
        run.Complete("compensate");
        Assert.Equal(InstanceState.Completed, run.Instance.State);
        Assert.DoesNotContain("booked", run.Path);
    }

    [Fact]
    public void Should_leave_by_the_normal_flow_when_no_error_is_thrown()
    {
        var run = ProcessHarness.Start("error-events.bpmn", """{"calendarDown": false}""").Complete("checkCredit").Complete("createEvent");
        Assert.Equal("booked", run.Path[^1]);
        Assert.Equal(InstanceState.Completed, run.Instance.State);
    }

    [Fact]
    public void Should_raise_an_incident_for_an_error_nobody_catches()
    {
        var run = ProcessHarness.Start("parallel-gateway.bpmn").ThrowError("checkCredit", "ANY", "nobody listens");
        var incident = Assert.Single(run.Incidents);
        Assert.Equal(IncidentTypes.UnhandledBpmnError, incident.IncidentType);
        Assert.Contains("ANY", incident.Message);
    }
}
