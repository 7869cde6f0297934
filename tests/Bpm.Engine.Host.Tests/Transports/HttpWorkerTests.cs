using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Transports;

/// <summary>The worker SDK over Camunda's fetch-and-lock: the same handler, the HTTP transport.</summary>
public sealed class HttpWorkerTests
{
    private static Task<TransportScenario> StartAsync() => TransportScenario.StartAsync(
        [],
        new Dictionary<string, string> { ["Bpm__Worker__Transport"] = "Http", ["Bpm__Worker__Http__LongPollTimeout"] = "00:00:05" });

    [Fact]
    public async Task Should_complete_instances_and_publish_the_handlers_activity_to_the_catalog()
    {
        await using var scenario = await StartAsync();
        scenario.AddWorker("http-a", new Dictionary<string, string> { ["Bpm__Worker__CatalogSource"] = "echo-pool" });
        var instances = await scenario.StartInstancesAsync(10);

        await scenario.WaitForCompletedAsync(instances.Count, TimeSpan.FromSeconds(60));
        await scenario.AssertEachCompletedOnceAsync(instances);

        var response = await scenario.Client.Http.GetAsync("/api/activity-templates");
        var templates = (await EngineClient.Json(response)).AsArray();
        var echo = Assert.Single(templates, t => t!["id"]!.GetValue<string>() == "bpm.echo")!;
        Assert.Equal("Echo", echo["name"]!.GetValue<string>());
        Assert.Contains(echo["properties"]!.AsArray(), p =>
            p!["binding"]!["type"]!.GetValue<string>() == "zeebe:taskDefinition" && p["value"]!.GetValue<string>() == "echo");
        Assert.Contains(echo["properties"]!.AsArray(), p =>
            p!["binding"]!["type"]!.GetValue<string>() == "zeebe:input" && p["binding"]!["name"]!.GetValue<string>() == "amount");
    }

    [Fact]
    public async Task Should_release_in_flight_tasks_on_shutdown_so_another_worker_takes_them_at_once()
    {
        await using var scenario = await StartAsync();
        var leaving = scenario.AddWorker("http-leaving", new Dictionary<string, string>
        {
            ["Bpm__Worker__ShutdownTimeout"] = "00:00:01",
            ["Bpm__Worker__LockDuration"] = "00:05:00",
        });
        var instance = Assert.Single(await scenario.StartInstancesAsync(1, """{"amount": {"value": 21, "type": "Integer"}, "slowWorker": {"value": "http-leaving", "type": "String"}}"""));
        await leaving.WaitUntilBusyAsync(TimeSpan.FromSeconds(60));

        await leaving.TerminateAsync(TimeSpan.FromSeconds(30));
        scenario.AddWorker("http-staying");

        // The lock had five minutes left: only a release lets the second worker finish this soon.
        await scenario.WaitForCompletedAsync(1, TimeSpan.FromSeconds(30));
        await scenario.AssertEachCompletedOnceAsync([instance]);
        Assert.Empty(leaving.Handled);
    }
}
