using Bpm.Engine.Runtime;

namespace Bpm.Engine.Tests.Gateways;

public sealed class ParallelGatewayBehaviorTests
{
    [Fact]
    public void Should_fork_a_token_onto_every_outgoing_flow()
    {
        var run = ProcessHarness.Start("parallel-gateway.bpmn");
        Assert.Equal(["checkCredit", "checkStock"], run.Waiting);
    }

    [Fact]
    public void Should_wait_at_the_join_until_every_branch_arrived()
    {
        var run = ProcessHarness.Start("parallel-gateway.bpmn").Complete("checkCredit");
        Assert.Equal(["checkStock"], run.Waiting);
        Assert.DoesNotContain("ship", run.Path);

        run.Complete("checkStock");

        Assert.Equal(["ship"], run.Waiting);
        Assert.Single(run.Path, id => id == "ship");
    }

    [Fact]
    public void Should_complete_after_the_joined_token_reaches_the_end()
    {
        var run = ProcessHarness.Start("parallel-gateway.bpmn").Complete("checkStock").Complete("checkCredit").Complete("ship");
        Assert.Equal(InstanceState.Completed, run.Instance.State);
        Assert.Equal(["start", "fork", "checkCredit", "checkStock", "join", "join", "ship", "end"], run.Path);
    }
}
