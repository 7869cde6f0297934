namespace Bpm.Contracts.Rest;

/// <summary>The body of <c>POST /external-task/{id}/lock</c>; <c>LockDuration</c> in ms.</summary>
public sealed record LockExternalTaskDto(string WorkerId, long LockDuration);
