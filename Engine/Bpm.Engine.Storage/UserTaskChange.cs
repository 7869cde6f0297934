using Bpm.Engine.Storage.Entities;

namespace Bpm.Engine.Storage;

/// <summary>
/// A user task that appeared, changed hands or dates, or ended, with the people it concerns: its assignee (and the
/// one before, when it changed hands), its candidate users and its candidate groups.
/// </summary>
public sealed record UserTaskChange(
    string Kind,
    string TaskId,
    string ProcessInstanceId,
    string ProcessDefinitionKey,
    string? TaskName,
    string? Assignee,
    IReadOnlyList<string> CandidateUsers,
    IReadOnlyList<string> CandidateGroups,
    string? PreviousAssignee = null)
{
    public const string Created = "created";
    public const string Assigned = "assigned";
    public const string Updated = "updated";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";

    /// <summary>A change of a stored task, its candidates as stored beside it.</summary>
    internal static UserTaskChange Of(
        string kind, string taskId, string processInstanceId, string processDefinitionKey, string? taskName, string? assignee,
        IEnumerable<UserTaskCandidateRow> candidates, string? previousAssignee = null) =>
        new(kind, taskId, processInstanceId, processDefinitionKey, taskName, assignee,
            [.. candidates.Where(c => c.Kind == UserTaskCandidateRow.User).Select(c => c.Name)],
            [.. candidates.Where(c => c.Kind == UserTaskCandidateRow.Group).Select(c => c.Name)],
            previousAssignee);

    /// <summary>The users it concerns by name: assignee, previous assignee and candidate users.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<string> Users =>
        new[] { Assignee, PreviousAssignee }.OfType<string>().Concat(CandidateUsers).Distinct(StringComparer.Ordinal);
}
