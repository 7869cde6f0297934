namespace Bpm.Bench.Infrastructure;

/// <summary>
/// What <c>pgbench -N</c> measured: its transactions per second, and the server's CPU time and the statements
/// (transaction control included) per transaction.
/// </summary>
public sealed record PgbenchRun(double Tps, double ServerCpuMsPerTransaction, double StatementsPerTransaction);
