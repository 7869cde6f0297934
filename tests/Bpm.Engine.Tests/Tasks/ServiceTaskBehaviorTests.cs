using Bpm.Engine.Runtime.Effects;

namespace Bpm.Engine.Tests.Tasks;

public sealed class ServiceTaskBehaviorTests
{
    [Fact]
    public void Should_create_external_tasks_by_Camunda_7_topic_and_Camunda_8_type()
    {
        var run = ProcessHarness.Start("parallel-gateway.bpmn");
        var created = run.Effects.OfType<ExternalTaskCreated>().OrderBy(t => t.ActivityId).ToList();
        Assert.Equal(2, created.Count);
        Assert.Equal(("checkCredit", "credit", (int?)null), (created[0].ActivityId, created[0].Topic, created[0].Retries));
        Assert.Equal(("checkStock", "stock", (int?)5), (created[1].ActivityId, created[1].Topic, created[1].Retries));
    }

    [Fact]
    public void Should_merge_worker_variables_into_the_process_when_completed()
    {
        var run = ProcessHarness.Start("parallel-gateway.bpmn").Complete("checkCredit", """{"creditOk": true, "limit": {"eur": 5000}}""");
        Assert.True(run.Variable("creditOk")!.GetValue<bool>());
        Assert.Equal(5000, run.Variable("limit")!["eur"]!.GetValue<int>());
        Assert.Contains(run.Effects, e => e is WaitEnded { Canceled: false, ActivityType: "serviceTask" });
    }

    [Fact]
    public void Should_map_inputs_into_local_variables_and_only_mapped_outputs_back()
    {
        var run = ProcessHarness.Start("io-mapping.bpmn", """{"order": {"amount": 12.5}}""");
        var token = Assert.Single(run.Instance.Tokens);
        Assert.Equal(1250m, token.Variables!["amountInCents"]!.GetValue<decimal>());
        Assert.Equal("EUR", token.Variables["currency"]!.GetValue<string>());

        run.Complete("charge", """{"chargeId": "ch_1", "raw": "not mapped"}""");

        Assert.Equal("ch_1", run.Variable("paymentId")!.GetValue<string>());
        Assert.False(run.Instance.Variables.ContainsKey("raw"));
        Assert.False(run.Instance.Variables.ContainsKey("amountInCents"));
    }
}
