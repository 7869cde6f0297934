namespace Bpm.Workers.Sdk;

/// <summary>Per-handler settings chosen at registration.</summary>
public sealed class HandlerOptions
{
    /// <summary>Tasks of this type running at once in this process; more wait (back-pressure).</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Serves another task type than the handler's own (one handler under several names, or per environment).</summary>
    public string? TaskType { get; set; }

    /// <summary>How long a task stays locked for this worker before the engine hands it out again.</summary>
    public TimeSpan? LockDuration { get; set; }
}
