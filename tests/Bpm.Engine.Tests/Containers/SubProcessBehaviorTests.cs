using Bpm.Engine.Runtime;

namespace Bpm.Engine.Tests.Containers;

public sealed class SubProcessBehaviorTests
{
    [Fact]
    public void Should_run_the_inner_flow_and_leave_when_it_completes()
    {
        var run = ProcessHarness.Start("sub-process.bpmn", """{"amount": 12}""");
        Assert.Equal(["handle", "pack"], run.Waiting);

        run.Complete("pack", """{"packed": true}""");

        Assert.Equal(["start", "handle", "subStart", "pack", "milestone", "subEnd", "end"], run.Path);
        Assert.Equal(InstanceState.Completed, run.Instance.State);
    }

    [Fact]
    public void Should_keep_input_mappings_local_to_the_sub_process_scope()
    {
        var run = ProcessHarness.Start("sub-process.bpmn", """{"amount": 12}""");
        var scope = run.Instance.Tokens.Single(t => t.NodeId == "handle");
        Assert.Equal(12, scope.Variables!["localCopy"]!.GetValue<decimal>());
        Assert.False(run.Instance.Variables.ContainsKey("localCopy"));

        run.Complete("pack", """{"packed": true}""");

        Assert.True(run.Variable("packed")!.GetValue<bool>());
        Assert.False(run.Instance.Variables.ContainsKey("localCopy"));
    }

    [Fact]
    public void Should_record_inner_activities_under_the_sub_process_instance()
    {
        var run = ProcessHarness.Start("sub-process.bpmn", """{"amount": 1}""");
        var starts = run.Effects.OfType<Bpm.Engine.Runtime.Effects.ActivityStarted>().ToList();
        var handle = starts.Single(s => s.ActivityId == "handle");
        Assert.Equal(run.Instance.Id, handle.ParentActivityInstanceId);
        Assert.Equal(handle.ActivityInstanceId, starts.Single(s => s.ActivityId == "pack").ParentActivityInstanceId);
    }
}
