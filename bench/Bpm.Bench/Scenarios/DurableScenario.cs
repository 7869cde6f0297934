using System.Diagnostics;
using System.Text.Json.Nodes;
using Bpm.Bench.Infrastructure;

namespace Bpm.Bench.Scenarios;

/// <summary>
/// Start, external service task, end — durable, end to end over REST: concurrent clients start instances,
/// HTTP workers fetch and lock in batches and complete. Completed instances per second on SQLite and on
/// PostgreSQL, once the host has settled under the load (<see cref="SteadyState"/>); baseline: <c>pgbench -N</c> at its
/// peak on the same PostgreSQL server in the same run. Both are measured as throughput with the machine's CPU kept
/// busy, and the share of it left idle is reported for each. Where the time goes: the CPU time per completed instance
/// of the engine host and of the PostgreSQL server, the server's against its CPU time per pgbench transaction; the
/// statements the server ran (transaction control aside), the transactions it committed and the write-ahead log it
/// wrote per completed instance, against pgbench's per transaction. Once more on PostgreSQL with no activity history written
/// (<c>Bpm:History:Level</c> None), for the price of the default's history.
/// </summary>
/// <remarks>
/// Ninety-six clients start instances and twenty-four workers complete them: a group commit fills with the commands that
/// arrive while the one before it is written, so the engine needs more commands in flight than pgbench needs clients to
/// keep two cores busy. Measured in separate runs, each against its own pgbench peak: with forty-eight starters and twelve
/// workers 13–15% of the machine stayed idle and the engine completed 0.65x pgbench's TPS; with these 8%, 0.82x; with
/// 144 and 36, 10%, 0.70x (with sixteen and four, earlier, a fifth of the machine stayed idle).
/// </remarks>
public sealed class DurableScenario : IScenario
{
    private const int Starters = 96;
    private const int Workers = 24;
    private const int Batch = 50;
    private const int MaxBacklog = 2000;
    private const string Database = "bench_durable";
    private const string DatabaseWithoutHistory = "bench_durable_no_history";

    public string Name => "durable";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchRun run)
    {
        var postgres = await run.PostgresAsync();
        DurableMeasurement sqlite, onPostgres, withoutHistory;
        await using (var host = await EngineHost.StartAsync(null)) sqlite = await MeasureAsync(host, null, "SQLite", run.Options);
        await using (var host = await EngineHost.StartAsync(await postgres.CreateDatabaseAsync(Database)))
            onPostgres = await MeasureAsync(host, (postgres, Database), "PostgreSQL", run.Options);
        await using (var host = await EngineHost.StartAsync(await postgres.CreateDatabaseAsync(DatabaseWithoutHistory), new Dictionary<string, string> { ["Bpm__History__Level"] = "None" }))
            withoutHistory = await MeasureAsync(host, (postgres, DatabaseWithoutHistory), "PostgreSQL, no activity history", run.Options);
        var pgbench = await run.PgbenchAsync();
        return
        [
            new(Name, "completed instances per second, SQLite", Math.Round(sqlite.Rate, 1), "instances/s", pgbench.Baseline, Math.Round(pgbench.Tps)),
            new(Name, "completed instances per second, PostgreSQL", Math.Round(onPostgres.Rate, 1), "instances/s", pgbench.Baseline, Math.Round(pgbench.Tps)),
            new(Name, "completed instances per second, PostgreSQL, history level None", Math.Round(withoutHistory.Rate, 1), "instances/s", pgbench.Baseline, Math.Round(pgbench.Tps)),
            new(Name, "machine CPU left idle, PostgreSQL", Math.Round(onPostgres.Idle * 100, 1), "%",
                "machine CPU left idle by pgbench -N at its peak", Math.Round(pgbench.Idle * 100, 1)),
            new(Name, "engine CPU per completed instance, SQLite", Math.Round(sqlite.EngineCpuMs, 3), "ms"),
            new(Name, "engine CPU per completed instance, PostgreSQL", Math.Round(onPostgres.EngineCpuMs, 3), "ms"),
            new(Name, "PostgreSQL server CPU per completed instance", Math.Round(onPostgres.ServerCpuMs!.Value, 3), "ms",
                "PostgreSQL server CPU per pgbench -N transaction", Math.Round(pgbench.ServerCpuMsPerTransaction, 3)),
            new(Name, "PostgreSQL server CPU per completed instance, history level None", Math.Round(withoutHistory.ServerCpuMs!.Value, 3), "ms",
                "PostgreSQL server CPU per pgbench -N transaction", Math.Round(pgbench.ServerCpuMsPerTransaction, 3)),
            new(Name, "PostgreSQL statements per completed instance, transaction control aside", Math.Round(onPostgres.Statements!.Value, 2), "statements",
                "PostgreSQL statements per pgbench -N transaction, transaction control aside", Math.Round(pgbench.StatementsPerTransaction, 2)),
            new(Name, "PostgreSQL statements per completed instance, transaction control aside, history level None", Math.Round(withoutHistory.Statements!.Value, 2), "statements",
                "PostgreSQL statements per pgbench -N transaction, transaction control aside", Math.Round(pgbench.StatementsPerTransaction, 2)),
            new(Name, "PostgreSQL transactions committed per completed instance", Math.Round(onPostgres.Commits!.Value, 3), "commits",
                "PostgreSQL transactions committed per pgbench -N transaction", 1),
            new(Name, "PostgreSQL write-ahead log per completed instance", Math.Round(onPostgres.WalBytes!.Value), "bytes",
                "PostgreSQL write-ahead log per pgbench -N transaction", Math.Round(pgbench.WalBytesPerTransaction)),
            new(Name, "PostgreSQL write-ahead log per completed instance, history level None", Math.Round(withoutHistory.WalBytes!.Value), "bytes",
                "PostgreSQL write-ahead log per pgbench -N transaction", Math.Round(pgbench.WalBytesPerTransaction)),
        ];
    }

    private static async Task<DurableMeasurement> MeasureAsync(EngineHost host, (PostgresServer Server, string Database)? postgres, string label, BenchOptions options)
    {
        await host.DeployAsync(RepositoryPaths.Model("durable.bpmn"));
        using var client = host.Client();
        long completed = 0;
        using var stop = new CancellationTokenSource();
        var starting = new DurableStarters(client, MaxBacklog, () => Interlocked.Read(ref completed)).RunAsync(Starters, stop.Token);
        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            var fetch = $$"""{"workerId": "bench-{{w}}", "maxTasks": {{Batch}}, "asyncResponseTimeout": 500, "topics": [{"topicName": "bench-work", "lockDuration": 60000}]}""";
            while (!stop.IsCancellationRequested)
            {
                var response = await client.PostAsync("external-task/fetchAndLock", Json.Body(fetch));
                response.EnsureSuccessStatusCode();
                var tasks = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
                await Task.WhenAll(tasks.Select(async task =>
                {
                    var done = await client.PostAsync($"external-task/{task!["id"]!.GetValue<string>()}/complete", Json.Body("{\"workerId\": \"bench-" + w + "\", \"variables\": {\"ok\": {\"value\": true}}}"));
                    done.EnsureSuccessStatusCode();
                    Interlocked.Increment(ref completed);
                }));
            }
        }));
        var all = Task.WhenAll(workers.Append(starting));

        var warmUp = await new SteadyState(() => Task.FromResult(Interlocked.Read(ref completed)), options.WarmUp.Least, options.WarmUp.Most).WaitAsync();
        Console.Error.WriteLine(SteadyState.Describe($"durable on {label}", warmUp));
        var (from, engineFrom, serverFrom, machineFrom) = (Interlocked.Read(ref completed), host.ProcessorTime(), postgres?.Server.ProcessorTime(), MachineTime.Now());
        var statementsFrom = postgres is { } before ? await before.Server.StatementsAsync(before.Database) : null;
        var watch = Stopwatch.StartNew();
        await Task.Delay(options.Duration);
        var (done, engineCpu, serverCpu, idle) =
            (Interlocked.Read(ref completed) - from, host.ProcessorTime() - engineFrom, postgres?.Server.ProcessorTime() - serverFrom, MachineTime.Now().IdleSince(machineFrom));
        var statements = postgres is { } after ? await after.Server.StatementsAsync(after.Database) - statementsFrom! : null;
        var rate = done / watch.Elapsed.TotalSeconds;
        stop.Cancel();
        await all;
        var per = Math.Max(done, 1);
        return new DurableMeasurement(rate, idle, engineCpu.TotalMilliseconds / per, serverCpu?.TotalMilliseconds / per,
            (double?)statements?.Statements / per, (double?)statements?.Commits / per, (double?)statements?.WalBytes / per);
    }
}
