using Bpm.Engine.Runtime;
using Bpm.Engine.Runtime.Effects;

namespace Bpm.Engine.Tests.Models;

/// <summary>The business approval example that the host deploys at start.</summary>
public sealed class BusinessApprovalModelTests
{
    private const string Model = "models/business-approval.bpmn";

    [Fact]
    public void Should_ask_the_approvers_group_above_the_threshold_and_record_the_decision()
    {
        var run = ProcessHarness.Start(Model, """{"amount": 2500}""");
        var task = Assert.Single(run.Effects.OfType<UserTaskCreated>());
        Assert.Equal(["approvers"], task.CandidateGroups);

        run.Complete("approveRequest", """{"approved": false}""");

        Assert.Equal(["recordDecision"], run.Waiting);
        Assert.Equal("record-decision", run.Effects.OfType<ExternalTaskCreated>().Single().Topic);
        run.Complete("recordDecision");
        Assert.Equal(InstanceState.Completed, run.Instance.State);
        Assert.False(run.Variable("approved")!.GetValue<bool>());
    }

    [Fact]
    public void Should_approve_automatically_up_to_the_threshold()
    {
        var run = ProcessHarness.Start(Model, """{"amount": 1000}""");
        Assert.Empty(run.Effects.OfType<UserTaskCreated>());
        Assert.True(run.Variable("approved")!.GetValue<bool>());
        Assert.Equal(["requestReceived", "aboveThreshold", "approveAutomatically", "decided", "recordDecision"], run.Path);
    }
}
