namespace Bpm.Bench.Scenarios;

/// <summary>
/// One measured window of <c>durable</c>: completed instances per second, and the CPU time per completed instance of
/// the engine host and of the PostgreSQL server (null on SQLite, which runs inside the host).
/// </summary>
public sealed record DurableMeasurement(double Rate, double EngineCpuMs, double? ServerCpuMs);
