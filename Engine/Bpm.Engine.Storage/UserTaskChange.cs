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

    /// <summary>The users it concerns by name: assignee, previous assignee and candidate users.</summary>
    public IEnumerable<string> Users =>
        new[] { Assignee, PreviousAssignee }.OfType<string>().Concat(CandidateUsers).Distinct(StringComparer.Ordinal);
}
