using Bpm.Engine.Runtime;

namespace Bpm.Engine.Tests.Containers;

public sealed class EventSubProcessBehaviorTests
{
    [Fact]
    public void Should_run_a_non_interrupting_timer_event_sub_process_while_the_process_goes_on()
    {
        var run = ProcessHarness.Start("event-subprocess.bpmn").Advance(TimeSpan.FromHours(1));
        Assert.Equal(["charge", "remind", "reminders"], run.Waiting);

        run.Complete("remind").Advance(TimeSpan.FromHours(5));
        Assert.Equal(2, run.Path.Count(a => a == "remind"));
        Assert.DoesNotContain(run.Instance.Timers, t => t.ElementId == "hourly");
    }

    [Fact]
    public void Should_interrupt_the_process_when_the_message_of_an_interrupting_event_sub_process_arrives()
    {
        var run = ProcessHarness.Start("event-subprocess.bpmn").Complete("charge").Correlate("orderCancelled");

        Assert.Equal(["cancellation", "refund"], run.Waiting);
        Assert.Empty(run.Instance.Timers);
        Assert.DoesNotContain(run.Instance.Tokens, t => t.NodeId == "pack");

        run.Complete("refund");
        Assert.Equal(InstanceState.Completed, run.Instance.State);
        Assert.Equal("refunded", run.Path[^1]);
    }

    [Fact]
    public void Should_handle_an_error_of_the_process_scope_in_the_error_event_sub_process()
    {
        var run = ProcessHarness.Start("event-subprocess.bpmn").ThrowError("charge", "CARD_DECLINED");

        Assert.Equal("CARD_DECLINED", run.Variable("failureCode")!.GetValue<string>());
        Assert.Equal(["failure", "anyError", "failed"], run.Path.TakeLast(3));
        Assert.Equal(InstanceState.Completed, run.Instance.State);
        Assert.Empty(run.Instance.Messages);
        Assert.Empty(run.Instance.Timers);
    }

    [Fact]
    public void Should_close_the_event_sub_processes_waits_when_the_process_completes()
    {
        var run = ProcessHarness.Start("event-subprocess.bpmn").Complete("charge").Complete("pack");
        Assert.Equal(InstanceState.Completed, run.Instance.State);
        Assert.Empty(run.Instance.Messages);
        Assert.Empty(run.Instance.Timers);
    }
}
