using Bpm.Engine.Errors;
using Bpm.Engine.Runtime;
using Bpm.Engine.Runtime.Effects;

namespace Bpm.Engine.Tests.Runtime;

public sealed class InstanceOperationsTests
{
    [Fact]
    public void Should_refuse_to_complete_a_task_of_a_suspended_instance_and_accept_it_after_resume()
    {
        var run = ProcessHarness.Start("parallel-gateway.bpmn").Suspend();
        Assert.Equal(InstanceState.Suspended, run.Instance.State);
        Assert.Contains(run.Effects, e => e is InstanceSuspensionChanged { Suspended: true });

        var refused = Assert.Throws<EngineException>(() => run.Complete("checkCredit"));
        Assert.Equal(EngineErrorKind.Suspended, refused.Kind);

        run.Suspend(false).Complete("checkCredit");
        Assert.Equal(["checkStock"], run.Waiting);
    }

    [Fact]
    public void Should_hold_due_timers_of_a_suspended_instance()
    {
        var run = ProcessHarness.Start("timer-catch.bpmn", """{"reminderTime": "2026-11-26T09:30:00Z"}""").Suspend();
        Assert.Throws<EngineException>(() => run.Advance(TimeSpan.FromHours(25)));
        run.Suspend(false).Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(["start", "wait", "remindAt"], run.Path);
    }

    [Fact]
    public void Should_refuse_to_cancel_an_instance_twice()
    {
        var run = ProcessHarness.Start("parallel-gateway.bpmn").Cancel();
        Assert.Equal(EngineErrorKind.Conflict, Assert.Throws<EngineException>(() => run.Cancel()).Kind);
    }
}
