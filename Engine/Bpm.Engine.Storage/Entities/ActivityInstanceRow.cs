namespace Bpm.Engine.Storage.Entities;

/// <summary>
/// History: one visit of a token to a node. Its definition is its instance's. An external task's activity at process
/// level has no row while it waits: its task row stands for it (see <see cref="EffectWriter"/>).
/// </summary>
public sealed class ActivityInstanceRow
{
    public required string Id { get; set; }
    public required string ProcessInstanceId { get; set; }
    public required string ParentActivityInstanceId { get; set; }
    public required string ActivityId { get; set; }
    public string? ActivityName { get; set; }
    public required string ActivityType { get; set; }
    public string? TaskId { get; set; }
    public string? Assignee { get; set; }
    public DateTime StartTime { get; set; }
    public DateTime? EndTime { get; set; }
    public bool Canceled { get; set; }

    /// <summary>
    /// Not a column: true for a row written when its external task ended, which may be stored already (written when
    /// the activity started, where its task was made by a later command, or when an earlier task of it failed). Such a
    /// row is inserted where it is missing and otherwise closed.
    /// </summary>
    internal bool MayBeStored { get; set; }
}
