namespace Bpm.Contracts.Workers;

/// <summary>A worker gives a task back unfinished (on shutdown): it is handed out again at once, retries untouched.</summary>
public sealed record TaskReleased : TaskResult
{
    public string? Reason { get; init; }
}
