using Bpm.Bench.Infrastructure;

namespace Bpm.Bench.Scenarios;

/// <summary>
/// Start, external service task, end — durable, end to end over REST: concurrent clients start instances,
/// HTTP workers fetch and lock in batches and complete. Completed instances per second on SQLite and on
/// PostgreSQL, once the host has settled under the load (<see cref="SteadyState"/>); baseline: <c>pgbench -N</c> with the
/// client count of its peak on the same PostgreSQL server, in windows that take turns with the engine's on PostgreSQL
/// (<see cref="BenchOptions.Turns"/>), so that a drift in the machine's speed weighs on both alike. Both are measured
/// as throughput with the machine's CPU kept busy, and the share of it left idle is reported for each. Where the time goes: the CPU time per completed instance
/// of the engine host, of the load (against pgbench's own per transaction) and of the PostgreSQL server, the server's
/// against its CPU time per pgbench transaction; the statements the server ran (transaction control aside), the transactions it committed and the write-ahead log it
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

    /// <summary>How long the load is given to stop, or to fill the engine again, around pgbench's windows.</summary>
    private static readonly TimeSpan Resume = TimeSpan.FromSeconds(3);

    public string Name => "durable";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchRun run)
    {
        var postgres = await run.PostgresAsync();
        var peak = await run.PgbenchAsync();
        DurableMeasurement sqlite, onPostgres, withoutHistory;
        PgbenchRun pgbench;
        await using (var host = await EngineHost.StartAsync(null)) sqlite = await MeasureAsync(host, null, "SQLite", run.Options);
        await using (var host = await EngineHost.StartAsync(await postgres.CreateDatabaseAsync(Database)))
            (onPostgres, pgbench) = await MeasureBesidePgbenchAsync(host, postgres, peak.Clients, run.Options);
        await using (var host = await EngineHost.StartAsync(await postgres.CreateDatabaseAsync(DatabaseWithoutHistory), new Dictionary<string, string> { ["Bpm__History__Level"] = "None" }))
            withoutHistory = await MeasureAsync(host, (postgres, DatabaseWithoutHistory), "PostgreSQL, no activity history", run.Options);
        var baseline = $"pgbench -N TPS at its peak ({pgbench.Clients} clients), same PostgreSQL server, in windows between the engine's on it";
        return
        [
            new(Name, "completed instances per second, SQLite", Math.Round(sqlite.Rate, 1), "instances/s", baseline, Math.Round(pgbench.Tps)),
            new(Name, "completed instances per second, PostgreSQL", Math.Round(onPostgres.Rate, 1), "instances/s", baseline, Math.Round(pgbench.Tps)),
            new(Name, "completed instances per second, PostgreSQL, history level None", Math.Round(withoutHistory.Rate, 1), "instances/s", baseline, Math.Round(pgbench.Tps)),
            new(Name, "machine CPU left idle, PostgreSQL", Math.Round(onPostgres.Idle * 100, 1), "%",
                "machine CPU left idle by pgbench -N at its peak, in its windows", Math.Round(pgbench.Idle * 100, 1)),
            new(Name, "engine CPU per completed instance, SQLite", Math.Round(sqlite.EngineCpuMs, 3), "ms"),
            new(Name, "engine CPU per completed instance, PostgreSQL", Math.Round(onPostgres.EngineCpuMs, 3), "ms"),
            new(Name, "load CPU per completed instance, PostgreSQL (the bench's starters and HTTP workers)", Math.Round(onPostgres.LoadCpuMs, 3), "ms",
                "pgbench's own CPU per transaction (its clients)", Math.Round(pgbench.ClientCpuMsPerTransaction, 3)),
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

    /// <summary>One host alone: warmed up, then measured over one window.</summary>
    private static async Task<DurableMeasurement> MeasureAsync(EngineHost host, (PostgresServer Server, string Database)? postgres, string label, BenchOptions options)
    {
        await using var load = await WarmUpAsync(host, label, options);
        return DurableMeasurement.Of([await DurableWindow.MeasureAsync(host, postgres, load, options.Duration)]);
    }

    /// <summary>
    /// The host on PostgreSQL, in windows that take turns with pgbench's on the same server, so that both are measured
    /// at the same times and drift in the machine's speed weighs on both alike. The load pauses while pgbench runs.
    /// Before each window, the other side's database is vacuumed (<see cref="PostgresServer.VacuumAsync"/>), so that
    /// neither pays for cleaning up after the other.
    /// </summary>
    private static async Task<(DurableMeasurement Engine, PgbenchRun Pgbench)> MeasureBesidePgbenchAsync(
        EngineHost host, PostgresServer postgres, int pgbenchClients, BenchOptions options)
    {
        await using var load = await WarmUpAsync(host, "PostgreSQL", options);
        var windows = new List<DurableWindow>();
        var pgbench = new List<PgbenchRun>();
        for (var turn = 0; turn < options.Turns; turn++)
        {
            await postgres.VacuumAsync(Pgbench.Database);
            load.Gate.Open();
            await Task.Delay(Resume);
            windows.Add(await DurableWindow.MeasureAsync(host, (postgres, Database), load, options.Duration));
            load.Gate.Close();
            await Task.Delay(Resume);
            await postgres.VacuumAsync(Database);
            var run = await Pgbench.RunAsync(postgres, pgbenchClients, options.Duration);
            pgbench.Add(run);
            Console.Error.WriteLine($"turn {turn + 1}: durable {windows[^1].Completed / windows[^1].Elapsed.TotalSeconds:0}/s, pgbench -N with {pgbenchClients} clients {run.Tps:0} TPS");
        }
        return (DurableMeasurement.Of(windows), PgbenchRun.Mean(pgbench));
    }

    private static async Task<DurableLoad> WarmUpAsync(EngineHost host, string label, BenchOptions options)
    {
        await host.DeployAsync(RepositoryPaths.Model("durable.bpmn"));
        var load = new DurableLoad(host, Starters, Workers, Batch, MaxBacklog);
        var warmUp = await new SteadyState(() => Task.FromResult(load.Completed), options.WarmUp.Least, options.WarmUp.Most).WaitAsync();
        Console.Error.WriteLine(SteadyState.Describe($"durable on {label}", warmUp));
        return load;
    }
}
