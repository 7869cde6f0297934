using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Transports;

/// <summary>
/// Service tasks over MassTransit on a real RabbitMQ: tasks go to the queue <c>bpm-tasks-{type}</c>, where
/// worker processes compete; answers come back on <c>bpm-task-results</c>. Each test uses its own task
/// type, so its queue is its own on the shared broker.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class MassTransitTransportTests
{
    private static async Task<TransportScenario> StartAsync(string topic)
    {
        var (host, port) = RabbitMqBroker.Address();
        var scenario = await TransportScenario.StartAsync(
            new Dictionary<string, string>
            {
                ["Bpm__Transports__MassTransit__Topics__0"] = topic,
                ["Bpm__Transports__MassTransit__Host"] = host,
                ["Bpm__Transports__MassTransit__Port"] = port.ToString(),
            },
            new Dictionary<string, string>
            {
                ["Bpm__Worker__Transport"] = "MassTransit",
                ["Bpm__Worker__RabbitMq__Host"] = host,
                ["Bpm__Worker__RabbitMq__Port"] = port.ToString(),
                ["Bpm__Worker__RabbitMq__SendTimeout"] = "00:00:05",
                ["TestWorker__Topic"] = topic,
            },
            topic);
        return scenario;
    }

    [Fact]
    public async Task Should_complete_instances_with_competing_workers_each_once()
    {
        await using var scenario = await StartAsync("echo-mt-" + Guid.NewGuid().ToString("N")[..6]);
        scenario.AddWorker("mt-a", new Dictionary<string, string> { ["TestWorker__MaxConcurrency"] = "2" });
        scenario.AddWorker("mt-b", new Dictionary<string, string> { ["TestWorker__MaxConcurrency"] = "2" });
        var instances = await scenario.StartInstancesAsync(20, """{"amount": {"value": 21, "type": "Integer"}, "sleepMs": {"value": 100, "type": "Integer"}}""");

        await scenario.WaitForCompletedAsync(instances.Count, TimeSpan.FromSeconds(90));
        await scenario.AssertEachCompletedOnceAsync(instances);
        Assert.Empty(await scenario.IncidentsAsync());
        Assert.All(scenario.Workers, w => Assert.NotEmpty(w.Handled));
    }

    [Fact]
    public async Task Should_lose_nothing_when_RabbitMQ_restarts_under_load()
    {
        await using var scenario = await StartAsync("echo-mt-" + Guid.NewGuid().ToString("N")[..6]);
        var worker = scenario.AddWorker("mt-restart", new Dictionary<string, string> { ["TestWorker__MaxConcurrency"] = "2" });
        var instances = await scenario.StartInstancesAsync(30, """{"amount": {"value": 21, "type": "Integer"}, "sleepMs": {"value": 100, "type": "Integer"}}""");
        await EngineClient.EventuallyAsync(() => Task.FromResult(worker.Handled.Count >= 3), TimeSpan.FromSeconds(60), "work to be under way");

        await RabbitMqBroker.RestartAsync();
        instances.AddRange(await scenario.StartInstancesAsync(10, """{"amount": {"value": 21, "type": "Integer"}}"""));

        await scenario.WaitForCompletedAsync(instances.Count, TimeSpan.FromSeconds(120));
        await scenario.AssertEachCompletedOnceAsync(instances);
        Assert.Empty(await scenario.IncidentsAsync());
    }

    [Fact]
    public async Task Should_give_up_an_answer_the_broker_does_not_take_and_do_the_task_again()
    {
        await using var scenario = await StartAsync("echo-mt-" + Guid.NewGuid().ToString("N")[..6]);
        var worker = scenario.AddWorker("mt-outage", new Dictionary<string, string> { ["TestWorker__MaxConcurrency"] = "1" });
        var instances = await scenario.StartInstancesAsync(1, """{"amount": {"value": 21, "type": "Integer"}, "sleepMs": {"value": 3000, "type": "Integer"}}""");
        await worker.WaitUntilBusyAsync(TimeSpan.FromSeconds(60));

        await RabbitMqBroker.StopAsync();
        try
        {
            await worker.WaitForOutputAsync("was not taken by the broker within", TimeSpan.FromSeconds(60));
        }
        finally
        {
            await RabbitMqBroker.StartAsync();
        }

        await scenario.WaitForCompletedAsync(1, TimeSpan.FromSeconds(120));
        await scenario.AssertEachCompletedOnceAsync(instances);
        Assert.True(worker.Started.Count >= 2, $"the task ran {worker.Started.Count} time(s)");
    }
}
