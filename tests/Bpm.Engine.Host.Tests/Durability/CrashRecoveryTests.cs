using System.Collections.Concurrent;
using System.Net;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Durability;

/// <summary>An engine killed with SIGKILL in the middle of work loses nothing and doubles nothing.</summary>
public abstract class CrashRecoveryTests
{
    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task Should_continue_every_waiting_instance_after_a_kill_and_restart()
    {
        await using var database = await CreateDatabaseAsync();
        await using var engine = await EngineProcess.StartAsync(database);
        var client = new EngineClient(engine.Client());
        var (key, _) = await client.DeployUniqueAsync("parallel-gateway.bpmn", "parallel");
        var started = new ConcurrentBag<string>();
        for (var i = 0; i < 10; i++) started.Add(await client.StartAsync(key));

        // Load: clients keep starting instances and workers keep completing tasks while the engine dies.
        using var stop = new CancellationTokenSource();
        var load = Task.WhenAll(
            Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try { started.Add(await client.StartAsync(key)); }
                    catch (Exception) { return; }
                }
            }),
            Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        foreach (var task in await client.FetchAndLockAsync("crash-worker", "credit", maxTasks: 2, lockDuration: 2000))
                            await client.CompleteExternalTaskAsync(task!["id"]!.GetValue<string>(), "crash-worker");
                    }
                    catch (Exception) { return; }
                }
            }));
        await Task.Delay(1500);
        engine.Kill();
        stop.Cancel();
        await load;

        await using var restarted = await EngineProcess.StartAsync(database);
        var after = new EngineClient(restarted.Client());
        var running = (await after.GetJsonAsync($"process-instance?processDefinitionKey={key}&maxResults=1000")).AsArray()
            .Select(p => p!["id"]!.GetValue<string>()).ToHashSet();
        // None lost: every start the client saw answered is there. At most the one start in flight at the kill may have committed unanswered.
        Assert.Superset(started.ToHashSet(), running);
        Assert.InRange(running.Count - started.Count, 0, 1);

        // Drive every instance to its end with workers on the restarted engine.
        for (var round = 0; round < 60 && (await after.GetJsonAsync($"process-instance/count?processDefinitionKey={key}"))["count"]!.GetValue<long>() > 0; round++)
        {
            if (round > 0) await Task.Delay(200);
            foreach (var topic in new[] { "credit", "stock", "ship" })
            {
                foreach (var task in await after.FetchAndLockAsync("recovery-worker", topic, maxTasks: 100))
                    Assert.Equal(HttpStatusCode.NoContent, (await after.CompleteExternalTaskAsync(task!["id"]!.GetValue<string>(), "recovery-worker")).StatusCode);
            }
        }

        foreach (var instance in running)
        {
            Assert.Equal("COMPLETED", await after.HistoryStateAsync(instance));
            var path = await after.PathAsync(instance);
            foreach (var once in new[] { "start", "fork", "checkCredit", "checkStock", "ship", "end" }) Assert.Equal(1, path.Count(a => a == once));
            Assert.Equal(2, path.Count(a => a == "join"));
        }
        Assert.True(running.Count >= 10, $"only {running.Count} instances survived");
    }
}

public sealed class CrashRecoveryOnSqlite : CrashRecoveryTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class CrashRecoveryOnPostgreSql : CrashRecoveryTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgreSqlAsync();
}
