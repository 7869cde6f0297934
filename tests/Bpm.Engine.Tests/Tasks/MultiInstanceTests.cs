using System.Text.Json.Nodes;
using Bpm.Engine.Runtime;
using Bpm.Engine.Runtime.Effects;

namespace Bpm.Engine.Tests.Tasks;

public sealed class MultiInstanceTests
{
    private const string Variables = """{"approvers": ["ann", "bob", "cid"], "cases": [{"id": 1}, {"id": 2}]}""";

    [Fact]
    public void Should_create_one_task_per_element_at_once_with_loop_variables()
    {
        var run = ProcessHarness.Start("multi-instance.bpmn", Variables);
        var tasks = run.Effects.OfType<UserTaskCreated>().ToList();
        Assert.Equal(["ann", "bob", "cid"], tasks.Select(t => t.Assignee));
        var inner = run.Instance.Tokens.Where(t => t.NodeId == "vote" && !t.IsMultiInstanceBody).ToList();
        Assert.Equal([0, 1, 2], inner.Select(t => t.Variables!["loopCounter"]!.GetValue<int>()));
        var body = run.Instance.Tokens.Single(t => t.IsMultiInstanceBody);
        Assert.Equal(3, body.Variables!["nrOfInstances"]!.GetValue<int>());
        Assert.Equal(3, body.Variables["nrOfActiveInstances"]!.GetValue<int>());
    }

    [Fact]
    public void Should_finish_when_the_completion_condition_holds_and_cancel_the_rest()
    {
        var run = ProcessHarness.Start("multi-instance.bpmn", Variables).Complete("vote").Complete("vote");

        Assert.Equal(["callCases"], run.Waiting);
        Assert.Single(run.Effects.OfType<WaitEnded>(), w => w.Canceled);
    }

    [Fact]
    public void Should_run_a_sequential_multi_instance_one_after_another_and_collect_outputs()
    {
        var run = ProcessHarness.Start("multi-instance.bpmn", Variables).Complete("vote").Complete("vote");
        var first = run.Instance.Tokens.Single(t => t.NodeId == "callCases" && !t.IsMultiInstanceBody);
        Assert.Equal(1, first.Variables!["case"]!["id"]!.GetValue<int>());

        run.Complete("callCases", """{"outcome": "promised"}""");
        var second = run.Instance.Tokens.Single(t => t.NodeId == "callCases" && !t.IsMultiInstanceBody);
        Assert.Equal(2, second.Variables!["case"]!["id"]!.GetValue<int>());
        run.Complete("callCases", """{"outcome": "no answer"}""");

        Assert.Equal("""["promised","no answer"]""", run.Variable("outcomes")!.ToJsonString());
        Assert.Equal(["check", "check", "review", "review"], run.Waiting);
    }

    [Fact]
    public void Should_run_a_sub_process_as_often_as_the_cardinality_says()
    {
        var run = ProcessHarness.Start("multi-instance.bpmn", Variables).Complete("vote").Complete("vote")
            .Complete("callCases", """{"outcome": 1}""").Complete("callCases", """{"outcome": 2}""")
            .Complete("check").Complete("check");

        Assert.Equal(InstanceState.Completed, run.Instance.State);
        Assert.Equal("end", run.Path[^1]);
    }

    [Fact]
    public void Should_take_the_cardinality_from_a_variable_declared_as_a_long()
    {
        var run = ProcessHarness.Start("multi-instance.bpmn", Variables,
                edit: xml => xml.Replace("<bpmn:loopCardinality>2</bpmn:loopCardinality>", "<bpmn:loopCardinality>${reviewers}</bpmn:loopCardinality>"))
            .Complete("vote").Complete("vote").Complete("callCases", """{"outcome": 1}""");
        run.Instance.Variables["reviewers"] = JsonValue.Create(3L);

        run.Complete("callCases", """{"outcome": 2}""");

        Assert.Equal(3, run.Waiting.Count(activity => activity == "check"));
    }

    [Fact]
    public void Should_raise_an_incident_when_the_collection_is_not_a_list()
    {
        var run = ProcessHarness.Start("multi-instance.bpmn", """{"approvers": "ann"}""");
        var incident = Assert.Single(run.Incidents);
        Assert.Equal("vote", incident.ActivityId);
        Assert.Contains("list", incident.Message);
    }

    [Fact]
    public void Should_pass_an_empty_collection_straight_through()
    {
        var run = ProcessHarness.Start("multi-instance.bpmn", """{"approvers": [], "cases": []}""");
        Assert.Equal(["check", "check", "review", "review"], run.Waiting);
    }
}
