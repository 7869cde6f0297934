namespace Bpm.Engine.Runtime.Effects;

public sealed record UserTaskCreated(
    string TaskId,
    string ActivityId,
    string? Name,
    string? Assignee,
    IReadOnlyList<string> CandidateUsers,
    IReadOnlyList<string> CandidateGroups,
    string? FormKey,
    DateTimeOffset? Due,
    DateTimeOffset? FollowUp,
    int Priority,
    DateTimeOffset Time) : RuntimeEffect;
