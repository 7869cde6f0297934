namespace Bpm.Engine.Storage;

/// <summary>What a task's update sets: its name, assignee, due and follow-up dates, and priority.</summary>
public sealed record UserTaskFields(string? Name, string? Assignee, DateTimeOffset? Due, DateTimeOffset? FollowUp, int Priority);
