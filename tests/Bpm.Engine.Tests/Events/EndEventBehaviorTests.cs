using Bpm.Engine.Runtime;
using Bpm.Engine.Runtime.Effects;

namespace Bpm.Engine.Tests.Events;

public sealed class EndEventBehaviorTests
{
    [Fact]
    public void Should_complete_the_instance_when_the_last_token_ends()
    {
        var run = ProcessHarness.Start("exclusive-gateway.bpmn", """{"total": 1, "order": {}}""");
        Assert.Equal(InstanceState.Completed, run.Instance.State);
        Assert.Empty(run.Instance.Tokens);
        Assert.Single(run.Effects.OfType<InstanceEnded>());
    }

    [Fact]
    public void Should_cancel_every_other_token_at_a_terminate_end_event()
    {
        var run = ProcessHarness.Start("terminate-end.bpmn");
        Assert.Equal(InstanceState.Completed, run.Instance.State);
        Assert.Empty(run.Instance.Tokens);
        var slow = run.Effects.OfType<ActivityStarted>().Single(s => s.ActivityId == "slow").ActivityInstanceId;
        Assert.Contains(run.Effects, e => e is ActivityEnded { Canceled: true } ended && ended.ActivityInstanceId == slow);
        Assert.Contains(run.Effects, e => e is WaitEnded { Canceled: true } ended && ended.TaskId == slow);
        Assert.DoesNotContain("end", run.Path);
    }

    [Fact]
    public void Should_end_every_token_as_cancelled_when_the_instance_is_cancelled()
    {
        var run = ProcessHarness.Start("parallel-gateway.bpmn").Cancel();
        Assert.Equal(InstanceState.ExternallyTerminated, run.Instance.State);
        Assert.Empty(run.Instance.Tokens);
        Assert.Equal(2, run.Effects.OfType<WaitEnded>().Count(w => w.Canceled));
    }
}
