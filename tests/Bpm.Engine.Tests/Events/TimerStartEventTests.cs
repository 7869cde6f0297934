using Bpm.Engine.Model;
using Bpm.Engine.Runtime;

namespace Bpm.Engine.Tests.Events;

public sealed class TimerStartEventTests
{
    [Fact]
    public void Should_offer_the_timer_start_event_of_a_process_without_a_none_start()
    {
        var definition = Fixture.Definition("timer-start.bpmn");
        Assert.Null(definition.StartEventId);
        var start = Assert.Single(definition.TimerStartEvents);
        Assert.Equal(new TimerDefinition(TimerKind.Cycle, "0 4 * * *"), start.Timer);
        Assert.Equal("startTimerEvent", start.ActivityType);
    }

    [Fact]
    public void Should_start_an_instance_at_the_timer_start_event()
    {
        var definition = Fixture.Definition("timer-start.bpmn");
        var runtime = new ProcessRuntime(TimeProvider.System);

        var result = runtime.StartAt(definition, "dailySync:1", "every4am", null, null);

        Assert.Equal("sync", Assert.Single(result.Instance.Tokens).NodeId);
    }

    [Fact]
    public void Should_refuse_a_client_start_of_a_process_that_only_starts_by_timer()
    {
        var definition = Fixture.Definition("timer-start.bpmn");
        var error = Assert.Throws<Bpm.Engine.Errors.EngineException>(() => new ProcessRuntime(TimeProvider.System).Start(definition, "d", null, null));
        Assert.Contains("timer start events only", error.Message);
    }
}
