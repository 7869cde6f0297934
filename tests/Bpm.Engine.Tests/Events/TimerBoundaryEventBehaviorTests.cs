using Bpm.Engine.Runtime;
using Bpm.Engine.Runtime.Effects;

namespace Bpm.Engine.Tests.Events;

public sealed class TimerBoundaryEventBehaviorTests
{
    private const string Variables = """{"approvalTimeout": "PT2H"}""";

    [Fact]
    public void Should_interrupt_the_activity_and_take_the_boundary_path_when_due()
    {
        var run = ProcessHarness.Start("timer-boundary.bpmn", Variables).Advance(TimeSpan.FromHours(2));

        Assert.Equal(["escalate", "pay"], run.Waiting);
        var approve = run.Effects.OfType<ActivityStarted>().Single(s => s.ActivityId == "approve").ActivityInstanceId;
        Assert.Contains(run.Effects, e => e is ActivityEnded { Canceled: true } ended && ended.ActivityInstanceId == approve);
        Assert.Contains(run.Effects, e => e is WaitEnded { Canceled: true } ended && ended.TaskId == approve);
        Assert.Contains("approvalOverdue", run.Path);
    }

    [Fact]
    public void Should_cancel_the_boundary_timer_when_the_activity_completes_first()
    {
        var run = ProcessHarness.Start("timer-boundary.bpmn", Variables).Advance(TimeSpan.FromHours(1)).Complete("approve").Advance(TimeSpan.FromHours(5));

        Assert.DoesNotContain("approvalOverdue", run.Path);
        Assert.Contains("approved", run.Path);
        var overdue = run.Effects.OfType<TimerScheduled>().Single(t => t.ElementId == "approvalOverdue");
        Assert.Contains(run.Effects, e => e is TimerCancelled c && c.TimerId == overdue.TimerId);
    }

    [Fact]
    public void Should_fire_a_non_interrupting_cycle_as_often_as_it_repeats_while_the_activity_goes_on()
    {
        var run = ProcessHarness.Start("timer-boundary.bpmn", Variables).Complete("approve").Advance(TimeSpan.FromHours(11));
        Assert.DoesNotContain("paymentReminder", run.Path);

        run.Advance(TimeSpan.FromHours(1));
        Assert.Single(run.Path, a => a == "paymentReminder");
        Assert.Equal(["pay", "remind"], run.Waiting);

        run.Advance(TimeSpan.FromDays(3));
        Assert.Equal(2, run.Path.Count(a => a == "paymentReminder"));
        Assert.Equal(["pay", "remind", "remind"], run.Waiting);
        Assert.Empty(run.Instance.Timers);

        run.Complete("pay");
        Assert.Contains("paid", run.Path);
    }

    [Fact]
    public void Should_raise_an_incident_on_the_activity_when_its_boundary_timer_is_invalid()
    {
        var run = ProcessHarness.Start("timer-boundary.bpmn", """{"approvalTimeout": "soon"}""");
        var incident = Assert.Single(run.Incidents);
        Assert.Equal("approve", incident.ActivityId);
        Assert.Contains("approvalOverdue", incident.Message);
        Assert.Empty(run.Effects.OfType<UserTaskCreated>());
    }
}
