using Bpm.Engine.Runtime;
using Bpm.Engine.Runtime.Effects;

namespace Bpm.Engine.Tests.Events;

public sealed class SignalEventBehaviorTests
{
    [Fact]
    public void Should_wait_for_a_signal_and_move_on_when_it_is_broadcast()
    {
        var definition = Fixture.Definition("signals.bpmn", key: "waitsForStock");
        var runtime = new ProcessRuntime(TimeProvider.System);
        var started = runtime.Start(definition, "d", null, null);
        var subscription = Assert.Single(started.Instance.Messages);
        Assert.True(subscription.IsSignal);
        Assert.Equal("stock-arrived", subscription.MessageName);

        var result = runtime.CorrelateMessage(definition, started.Instance, subscription.Id, null);

        Assert.Equal(InstanceState.Completed, result.Instance.State);
    }

    [Fact]
    public void Should_throw_a_signal_from_an_intermediate_throw_event()
    {
        var definition = Fixture.Definition("signals.bpmn", key: "announcesStock");
        var result = new ProcessRuntime(TimeProvider.System).Start(definition, "d", null, null);
        Assert.Equal("stock-arrived", Assert.Single(result.Effects.OfType<SignalThrown>()).SignalName);
        Assert.Equal("intermediateSignalThrow", definition.Node("announce").ActivityType);
    }

    [Fact]
    public void Should_offer_signal_start_events()
    {
        var definition = Fixture.Definition("signals.bpmn", key: "startsOnStock");
        Assert.Equal("stock-arrived", Assert.Single(definition.SignalStartEvents).Signal!.SignalName);
        Assert.Null(definition.StartEventId);
    }
}
