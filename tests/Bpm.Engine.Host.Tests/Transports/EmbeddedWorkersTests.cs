using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Transports;

/// <summary>
/// The embedded default: the seed workers run inside the engine host over the in-memory bus, so a shipped
/// process runs end to end with nothing else started, and an integration left unconfigured shows up as a
/// readable incident instead of a crash.
/// </summary>
public sealed class EmbeddedWorkersTests
{
    [Fact]
    public async Task Should_run_a_shipped_process_end_to_end_and_report_an_unconfigured_integration_as_an_incident()
    {
        await using var database = TestDatabase.Sqlite();
        await using var engine = await EngineProcess.StartAsync(database, new Dictionary<string, string>
        {
            ["Bpm__Workers__Embedded"] = "true",
            ["Bpm__AutoDeploy__Enabled"] = "true",
        });
        var client = new EngineClient(engine.Client());

        // Small amounts are approved automatically; the embedded record-decision worker then finishes the instance.
        var approval = await client.StartAsync("business-approval", """{"amount": {"value": 200, "type": "Integer"}, "requester": {"value": "ada", "type": "String"}}""");
        await EngineClient.EventuallyAsync(async () => await client.HistoryStateAsync(approval) == "COMPLETED", TimeSpan.FromSeconds(30), "the approval to complete:\n" + engine.Output);

        // Stripe has no secret key configured: the checkout task fails at once with a message an operator can act on.
        var payment = await client.StartAsync("payment", """{"amount": {"value": 4900, "type": "Integer"}, "currency": {"value": "eur", "type": "String"}, "email": {"value": "ada@example.com", "type": "String"}}""");
        // The payment's own incidents: the shipped case calls start every quarter hour and fail on their unconfigured
        // integration too.
        var incidents = $"incident?processInstanceId={payment}";
        await EngineClient.EventuallyAsync(async () => (await client.GetJsonAsync(incidents)).AsArray().Count > 0, TimeSpan.FromSeconds(30), "an incident:\n" + engine.Output);
        var incident = Assert.Single((await client.GetJsonAsync(incidents)).AsArray())!;
        Assert.Equal(payment, incident["processInstanceId"]!.GetValue<string>());
        Assert.Contains("not configured", incident["incidentMessage"]!.GetValue<string>());
        Assert.False(engine.HasExited);

        var templates = (await EngineClient.Json(await client.Http.GetAsync("/api/activity-templates"))).AsArray();
        Assert.Contains(templates, t => t!["id"]!.GetValue<string>() == "bpm.record-decision");
    }
}
