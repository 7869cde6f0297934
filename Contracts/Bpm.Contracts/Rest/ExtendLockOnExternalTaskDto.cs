namespace Bpm.Contracts.Rest;

/// <summary>The body of <c>POST /external-task/{id}/extendLock</c>; <c>NewDuration</c> in ms from now.</summary>
public sealed record ExtendLockOnExternalTaskDto(string WorkerId, long NewDuration);
