namespace Bpm.Engine.Storage.Entities;

/// <summary>History: one visit of a token to a node. Its definition is its instance's.</summary>
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
    /// <summary>Order of starts within the instance, for a stable timeline.</summary>
    public long Sequence { get; set; }
}
