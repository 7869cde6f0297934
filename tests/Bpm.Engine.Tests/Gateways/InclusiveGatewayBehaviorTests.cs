using Bpm.Engine.Runtime;

namespace Bpm.Engine.Tests.Gateways;

public sealed class InclusiveGatewayBehaviorTests
{
    [Fact]
    public void Should_activate_every_branch_whose_condition_holds()
    {
        var run = ProcessHarness.Start("inclusive-gateway.bpmn", """{"notifyEmail": true, "notifySms": true}""");
        Assert.Equal(["email", "sms"], run.Waiting);
    }

    [Fact]
    public void Should_join_only_the_branches_that_were_activated()
    {
        var run = ProcessHarness.Start("inclusive-gateway.bpmn", """{"notifyEmail": true, "notifySms": false}""");
        Assert.Equal(["email"], run.Waiting);

        run.Complete("email");

        Assert.Equal(["done"], run.Waiting);
    }

    [Fact]
    public void Should_wait_for_a_branch_that_can_still_arrive()
    {
        var run = ProcessHarness.Start("inclusive-gateway.bpmn", """{"notifyEmail": true, "notifySms": true}""").Complete("sms");
        Assert.Equal(["email"], run.Waiting);
        Assert.DoesNotContain("done", run.Path);

        run.Complete("email");

        Assert.Equal(["done"], run.Waiting);
        Assert.Single(run.Path, id => id == "done");
    }

    [Fact]
    public void Should_take_the_default_flow_when_no_condition_holds()
    {
        var run = ProcessHarness.Start("inclusive-gateway.bpmn", """{"notifyEmail": false, "notifySms": false}""");
        Assert.Equal(["start", "split", "join", "done"], run.Path);
    }
}
