using Bpm.Engine.Runtime;

namespace Bpm.Engine.Tests.Gateways;

public sealed class ExclusiveGatewayBehaviorTests
{
    [Fact]
    public void Should_take_the_flow_whose_FEEL_condition_holds()
    {
        var run = ProcessHarness.Start("exclusive-gateway.bpmn", """{"total": 750, "order": {"priority": "low"}}""");
        Assert.Equal(["start", "decide", "reviewBig", "end"], run.Path);
        Assert.Equal(InstanceState.Completed, run.Instance.State);
    }

    [Fact]
    public void Should_follow_a_path_into_a_JSON_object()
    {
        var run = ProcessHarness.Start("exclusive-gateway.bpmn", """{"total": 10, "order": {"priority": "high"}}""");
        Assert.Equal(["start", "decide", "reviewBig", "end"], run.Path);
    }

    [Fact]
    public void Should_take_the_default_flow_when_no_condition_holds()
    {
        var run = ProcessHarness.Start("exclusive-gateway.bpmn", """{"total": 10, "order": {"priority": "low"}}""");
        Assert.Equal(["start", "decide", "autoApprove", "end"], run.Path);
    }

    [Fact]
    public void Should_evaluate_JUEL_conditions()
    {
        var run = ProcessHarness.Start("exclusive-no-default.bpmn", """{"score": 1, "region": "EU"}""");
        Assert.Equal(["start", "decide", "end"], run.Path);
    }

    [Fact]
    public void Should_raise_an_incident_when_no_condition_holds_and_there_is_no_default()
    {
        var run = ProcessHarness.Start("exclusive-no-default.bpmn", """{"score": 1, "region": "US"}""");
        Assert.Equal(["start", "decide"], run.Path);
        var incident = Assert.Single(run.Incidents);
        Assert.Equal(IncidentTypes.FailedExpression, incident.IncidentType);
        Assert.Equal("decide", incident.ActivityId);
        Assert.Contains("no default flow", incident.Message);
        Assert.Equal(InstanceState.Active, run.Instance.State);
    }

    [Fact]
    public void Should_raise_an_incident_when_a_condition_fails_and_continue_after_retry()
    {
        var run = ProcessHarness.Start("exclusive-no-default.bpmn", """{"region": "US"}""");
        var incident = Assert.Single(run.Incidents);
        Assert.Contains("score", incident.Message);

        run.SetVariable("score", "5").Retry("decide");

        Assert.Equal(["start", "decide", "end"], run.Path);
        Assert.Equal(InstanceState.Completed, run.Instance.State);
    }
}
