using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Durability;

/// <summary>Two engine processes share one PostgreSQL; one dies holding timers; every timer still fires exactly once.</summary>
public sealed class ClusteredTimerTests
{
    private const int Timers = 1000;

    [Fact]
    public async Task Should_fire_every_due_timer_exactly_once_across_two_nodes_when_one_is_killed()
    {
        await using var database = await TestDatabase.PostgreSqlAsync();
        var jobs = new Dictionary<string, string> { ["Bpm__Jobs__BatchSize"] = "25" };
        await using var first = await EngineProcess.StartAsync(database, jobs);
        await using var second = await EngineProcess.StartAsync(database, jobs);
        var client = new EngineClient(first.Client());
        var (key, _) = await client.DeployUniqueAsync("timers.bpmn", "timers");
        var dueAt = DateTimeOffset.UtcNow.AddSeconds(25).ToString("O");
        var body = Apis.TimerTests.Variables(dueAt, "P1D");
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < Timers) await client.StartAsync(key, body);
        })));
        Assert.Equal(Timers, (await client.GetJsonAsync($"process-instance/count?processDefinitionKey={key}"))["count"]!.GetValue<long>());

        var survivor = new EngineClient(second.Client());
        await EngineClient.EventuallyAsync(async () => await FiredAsync(survivor, key) > 0, TimeSpan.FromSeconds(60), "the first timers to fire");
        first.Kill();

        await EngineClient.EventuallyAsync(async () => await FiredAsync(survivor, key) == Timers, TimeSpan.FromSeconds(90), "every timer to fire");
        var history = (await survivor.GetJsonAsync($"history/activity-instance?activityId=wait&maxResults=1000&finished=true")).AsArray();
        var instances = history.Where(a => a!["processDefinitionKey"]!.GetValue<string>() == key).Select(a => a!["processInstanceId"]!.GetValue<string>()).ToList();
        Assert.Equal(Timers, instances.Count);
        Assert.Equal(Timers, instances.Distinct().Count());
        Assert.Equal(Timers, (await survivor.GetJsonAsync($"task/count?processDefinitionKey={key}"))["count"]!.GetValue<long>());
    }

    /// <summary>Instances whose timer fired: each then waits in exactly one approval task.</summary>
    private static async Task<long> FiredAsync(EngineClient client, string key) =>
        (await client.GetJsonAsync($"task/count?processDefinitionKey={key}"))["count"]!.GetValue<long>();
}
