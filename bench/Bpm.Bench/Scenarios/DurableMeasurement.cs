namespace Bpm.Bench.Scenarios;

/// <summary>
/// One measured window of <c>durable</c>: completed instances per second, the share of the machine's CPU time left
/// idle, the CPU time per completed instance of the engine host and of the PostgreSQL server, and the statements
/// (transaction control aside), commits and bytes of write-ahead log the server ran and wrote per completed instance
/// (the last four null on SQLite, which runs inside the host).
/// </summary>
public sealed record DurableMeasurement(double Rate, double Idle, double EngineCpuMs, double? ServerCpuMs, double? Statements, double? Commits, double? WalBytes);
