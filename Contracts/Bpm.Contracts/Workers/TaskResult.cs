namespace Bpm.Contracts.Workers;

/// <summary>What every answer of a worker carries: the task, the lock it answers and who answers.</summary>
public abstract record TaskResult
{
    public int Version { get; init; } = WorkerMessages.Version;
    public required string TaskId { get; init; }
    public required string LockToken { get; init; }
    public required string WorkerId { get; init; }
    /// <summary>Routes the answer; Kafka keys results by it so answers of one instance stay in order.</summary>
    public required string ProcessInstanceId { get; init; }
}
