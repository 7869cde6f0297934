using Bpm.Bench.Infrastructure;

namespace Bpm.Bench.Scenarios;

/// <summary>
/// What one measured window of <c>durable</c> counted: instances completed, time elapsed, the machine's idle share,
/// the CPU time of the engine host, of the load (this process: its starters and workers) and of the PostgreSQL server,
/// and the server's statements (null on SQLite).
/// </summary>
public sealed record DurableWindow(long Completed, TimeSpan Elapsed, double Idle, TimeSpan EngineCpu, TimeSpan LoadCpu, TimeSpan? ServerCpu, StatementCount? Statements)
{
    /// <summary>Counts what the host and the server do under <paramref name="load"/> for <paramref name="duration"/>.</summary>
    public static async Task<DurableWindow> MeasureAsync(EngineHost host, (PostgresServer Server, string Database)? postgres, DurableLoad load, TimeSpan duration)
    {
        var (from, engineFrom, loadFrom, serverFrom, machineFrom) = (load.Completed, host.ProcessorTime(), ProcessorTime.Of(Environment.ProcessId), postgres?.Server.ProcessorTime(), MachineTime.Now());
        var statementsFrom = postgres is { } before ? await before.Server.StatementsAsync(before.Database) : null;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(duration);
        var (done, elapsed, engineCpu, loadCpu, serverCpu, idle) =
            (load.Completed - from, watch.Elapsed, host.ProcessorTime() - engineFrom, ProcessorTime.Of(Environment.ProcessId) - loadFrom, postgres?.Server.ProcessorTime() - serverFrom, MachineTime.Now().IdleSince(machineFrom));
        var statements = postgres is { } after ? await after.Server.StatementsAsync(after.Database) - statementsFrom! : null;
        return new DurableWindow(done, elapsed, idle, engineCpu, loadCpu, serverCpu, statements);
    }
}
