namespace Bpm.Bench.Scenarios;

/// <summary>
/// One measured window of <c>durable</c>: completed instances per second, the share of the machine's CPU time left
/// idle, the CPU time per completed instance of the engine host and of the PostgreSQL server, and the statements
/// (transaction control aside) and commits the server ran per completed instance (the last three null on SQLite, which
/// runs inside the host).
/// </summary>
public sealed record DurableMeasurement(double Rate, double Idle, double EngineCpuMs, double? ServerCpuMs, double? Statements, double? Commits);
