using Bpm.Engine.Runtime;
using Bpm.Engine.Runtime.Effects;

namespace Bpm.Engine.Tests.Events;

public sealed class TimerCatchEventBehaviorTests
{
    private const string ReminderAt = """{"reminderTime": "2026-11-26T09:30:00Z"}""";

    [Fact]
    public void Should_wait_for_the_duration_before_moving_on()
    {
        var run = ProcessHarness.Start("timer-catch.bpmn", ReminderAt);
        var scheduled = Assert.Single(run.Effects.OfType<TimerScheduled>());
        Assert.Equal(ProcessHarness.Epoch.AddHours(24), scheduled.DueAt);

        run.Advance(TimeSpan.FromHours(23.9));
        Assert.Equal(["start", "wait"], run.Path);

        run.Advance(TimeSpan.FromHours(0.1));
        Assert.Equal(["start", "wait", "remindAt"], run.Path);
    }

    [Fact]
    public void Should_wait_until_a_date_given_by_an_expression()
    {
        var run = ProcessHarness.Start("timer-catch.bpmn", ReminderAt).Advance(TimeSpan.FromHours(24));
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 9, 30, 0, TimeSpan.Zero), run.Instance.Timers.Single().DueAt);

        run.Advance(TimeSpan.FromDays(5));

        Assert.Equal(["start", "wait", "remindAt", "end"], run.Path);
        Assert.Equal(InstanceState.Completed, run.Instance.State);
        Assert.Empty(run.Instance.Timers);
    }

    [Fact]
    public void Should_raise_an_incident_for_a_date_that_is_not_one()
    {
        var run = ProcessHarness.Start("timer-catch.bpmn", """{"reminderTime": "next tuesday"}""").Advance(TimeSpan.FromHours(24));
        var incident = Assert.Single(run.Incidents);
        Assert.Equal("remindAt", incident.ActivityId);
        Assert.Contains("next tuesday", incident.Message);
    }

    [Fact]
    public void Should_cancel_the_timer_when_the_instance_is_cancelled()
    {
        var run = ProcessHarness.Start("timer-catch.bpmn", ReminderAt).Cancel();
        var scheduled = Assert.Single(run.Effects.OfType<TimerScheduled>());
        Assert.Contains(run.Effects, e => e is TimerCancelled c && c.TimerId == scheduled.TimerId);
        Assert.Empty(run.Instance.Timers);
    }
}
