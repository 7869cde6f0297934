namespace Bpm.Contracts.Workers;

/// <summary>
/// A worker could not finish a task. With retries left the task is handed out again after
/// <see cref="RetryTimeoutMs"/>; with none left it becomes an incident. Without <see cref="Retries"/>,
/// the model's retry policy decides.
/// </summary>
public sealed record TaskFailed : TaskResult
{
    public required string ErrorMessage { get; init; }
    public string? ErrorDetails { get; init; }
    public int? Retries { get; init; }
    public long? RetryTimeoutMs { get; init; }
}
