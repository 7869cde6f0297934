namespace Bpm.Engine.Storage;

/// <summary>
/// <c>Bpm:QueueVacuum</c>: on PostgreSQL, the engine vacuums its queue tables (<see cref="QueueVacuum"/>)
/// as soon as they hold <see cref="DeadRows"/> dead rows, instead of leaving them to autovacuum.
/// </summary>
public sealed class QueueVacuumOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>How often the dead rows are counted.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Dead rows that make a table worth vacuuming.</summary>
    public long DeadRows { get; set; } = 1000;
}
