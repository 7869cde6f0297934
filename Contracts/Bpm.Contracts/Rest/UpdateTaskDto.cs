namespace Bpm.Contracts.Rest;

/// <summary>
/// The body of Camunda's <c>PUT /task/{id}</c>: a task's new name, assignee, due and follow-up dates (each replaced,
/// a missing one cleared, as in Camunda) and priority (kept when missing). Camunda's other fields are accepted and ignored.
/// </summary>
public sealed record UpdateTaskDto(string? Name = null, string? Assignee = null, DateTimeOffset? Due = null, DateTimeOffset? FollowUp = null, int? Priority = null);
