namespace Bpm.Bench.Infrastructure;

/// <summary>
/// What <c>pgbench -N</c> measured with <paramref name="Clients"/> clients: its transactions per second, the server's
/// CPU time, pgbench's own (its clients), the server's statements (transaction control aside) and bytes of write-ahead
/// log per transaction, and the share of the machine's CPU time that stayed idle.
/// </summary>
public sealed record PgbenchRun(
    int Clients, double Tps, double ServerCpuMsPerTransaction, double ClientCpuMsPerTransaction, double StatementsPerTransaction, double WalBytesPerTransaction, double Idle)
{
    /// <summary>How a result measured against this run's TPS names its baseline.</summary>
    public string Baseline => $"pgbench -N TPS at its peak ({Clients} clients), same PostgreSQL server";

    /// <summary>Runs of equal length with the same clients, taken together: the mean of each figure.</summary>
    public static PgbenchRun Mean(IReadOnlyList<PgbenchRun> runs) => new(
        runs[0].Clients, runs.Average(r => r.Tps), runs.Average(r => r.ServerCpuMsPerTransaction), runs.Average(r => r.ClientCpuMsPerTransaction),
        runs.Average(r => r.StatementsPerTransaction), runs.Average(r => r.WalBytesPerTransaction), runs.Average(r => r.Idle));
}
