using Bpm.Engine.Runtime;

namespace Bpm.Engine.Tests.Events;

public sealed class EscalationEventBehaviorTests
{
    [Fact]
    public void Should_start_the_non_interrupting_boundary_path_and_let_the_thrower_go_on()
    {
        var run = ProcessHarness.Start("escalation.bpmn");
        Assert.Equal(["handle", "notifyManager", "work"], run.Waiting);
        Assert.Equal("intermediateEscalationThrowEvent", run.Definition.Node("late").ActivityType);
    }

    [Fact]
    public void Should_cancel_the_sub_process_when_the_boundary_event_interrupts()
    {
        var run = ProcessHarness.Start("escalation.bpmn", edit: xml => xml.Replace("cancelActivity=\"false\"", "cancelActivity=\"true\""));
        Assert.Equal(["notifyManager"], run.Waiting);
        Assert.DoesNotContain("work", run.Path);
    }

    [Fact]
    public void Should_change_nothing_when_nobody_catches_the_escalation()
    {
        var run = ProcessHarness.Start("escalation.bpmn", edit: xml => xml.Replace("escalationRef=\"Esc_Late\" />\n    </bpmn:boundaryEvent>", "escalationRef=\"Esc_Other\" />\n    </bpmn:boundaryEvent>")
            .Replace("<bpmn:escalation id=\"Esc_Late\"", "<bpmn:escalation id=\"Esc_Other\" escalationCode=\"OTHER\" /><bpmn:escalation id=\"Esc_Late\""));
        Assert.Equal(["handle", "work"], run.Waiting);
        Assert.Empty(run.Incidents);
        run.Complete("work");
        Assert.Equal(InstanceState.Completed, run.Instance.State);
    }
}
