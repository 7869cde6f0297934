namespace Bpm.Engine.Storage.Entities;

/// <summary>A candidate user or group of a user task, one row each, indexed for the task list.</summary>
public sealed class UserTaskCandidateRow
{
    public const string User = "user";
    public const string Group = "group";

    public required string TaskId { get; set; }
    /// <summary><see cref="User"/> or <see cref="Group"/>.</summary>
    public required string Kind { get; set; }
    public required string Name { get; set; }
    /// <summary>The task's creation time, so that a group's task list reads in creation order from this table's index.</summary>
    public DateTime CreateTime { get; set; }
}
