using Bpm.Engine.Runtime;
using Bpm.Engine.Runtime.Effects;

namespace Bpm.Engine.Tests.Gateways;

public sealed class EventBasedGatewayBehaviorTests
{
    [Fact]
    public void Should_wait_for_every_event_after_the_gateway()
    {
        var run = ProcessHarness.Start("event-gateway.bpmn");
        Assert.Equal(["race"], run.Waiting);
        Assert.Equal("paymentCompleted", Assert.Single(run.Instance.Messages).MessageName);
        Assert.Equal(ProcessHarness.Epoch.AddHours(24), Assert.Single(run.Instance.Timers).DueAt);
    }

    [Fact]
    public void Should_follow_the_message_when_it_comes_first_and_withdraw_the_timer()
    {
        var run = ProcessHarness.Start("event-gateway.bpmn").Advance(TimeSpan.FromHours(3)).Correlate("paymentCompleted", """{"amount": 99}""");

        Assert.Equal(["start", "race", "paymentReceived", "paid"], run.Path);
        Assert.Equal(InstanceState.Completed, run.Instance.State);
        Assert.Single(run.Effects.OfType<TimerCancelled>());
        Assert.Empty(run.Instance.Timers);
    }

    [Fact]
    public void Should_follow_the_timer_when_it_is_due_first_and_withdraw_the_message()
    {
        var run = ProcessHarness.Start("event-gateway.bpmn").Advance(TimeSpan.FromHours(24));

        Assert.Equal(["start", "race", "dayPassed", "expireCheckout"], run.Path);
        Assert.Empty(run.Instance.Messages);
        Assert.Contains(run.Effects, e => e is MessageUnsubscribed);
    }
}
