namespace Bpm.Bench.Scenarios;

/// <summary>
/// <c>durable</c> over one or more measured windows, taken together: completed instances per second, the share of the
/// machine's CPU time left idle, the CPU time per completed instance of the engine host, of the load and of the PostgreSQL server,
/// and the statements (transaction control aside), commits and bytes of write-ahead log the server ran and wrote per
/// completed instance (the last four null on SQLite, which runs inside the host).
/// </summary>
public sealed record DurableMeasurement(double Rate, double Idle, double EngineCpuMs, double LoadCpuMs, double? ServerCpuMs, double? Statements, double? Commits, double? WalBytes)
{
    public static DurableMeasurement Of(IReadOnlyList<DurableWindow> windows)
    {
        var done = windows.Sum(w => w.Completed);
        var seconds = windows.Sum(w => w.Elapsed.TotalSeconds);
        var per = (double)Math.Max(done, 1);
        var onPostgres = windows.All(w => w.Statements is not null);
        return new DurableMeasurement(
            done / seconds,
            windows.Sum(w => w.Idle * w.Elapsed.TotalSeconds) / seconds,
            windows.Sum(w => w.EngineCpu.TotalMilliseconds) / per,
            windows.Sum(w => w.LoadCpu.TotalMilliseconds) / per,
            onPostgres ? windows.Sum(w => w.ServerCpu!.Value.TotalMilliseconds) / per : null,
            onPostgres ? windows.Sum(w => w.Statements!.Statements) / per : null,
            onPostgres ? windows.Sum(w => w.Statements!.Commits) / per : null,
            onPostgres ? windows.Sum(w => w.Statements!.WalBytes) / per : null);
    }
}
