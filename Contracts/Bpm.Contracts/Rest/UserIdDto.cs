namespace Bpm.Contracts.Rest;

/// <summary>The body of <c>POST /task/{id}/claim</c> and <c>/assignee</c>; null unassigns.</summary>
public sealed record UserIdDto(string? UserId);
