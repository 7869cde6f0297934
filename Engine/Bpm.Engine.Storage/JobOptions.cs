namespace Bpm.Engine.Storage;

/// <summary><c>Bpm:Jobs</c>: how this node acquires and runs due timers.</summary>
public sealed class JobOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>How often the node looks for due jobs.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>How long an acquired job stays locked; after that a node that died holding it loses it.</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Jobs acquired at once.</summary>
    public int BatchSize { get; set; } = 256;
    /// <summary>Transactions of a batch running at the same time.</summary>
    public int Parallelism { get; set; } = 4;
    /// <summary>Timers and continuations of distinct instances fired in one transaction; 1 turns batching off.</summary>
    public int CommandBatchSize { get; set; } = 64;
    /// <summary>How long a failed job waits before the next try.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>This node's name on the locks it holds.</summary>
    public string NodeId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
}
