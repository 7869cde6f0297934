namespace Bpm.Engine.Runtime.Effects;

/// <summary>
/// The external task or user task of a token is gone: completed, or cancelled with its scope. It names the activity
/// instance it belonged to as <see cref="ActivityStarted"/> did, since its token may outlive it (a failed task) or
/// end with it.
/// </summary>
public sealed record WaitEnded(
    string TaskId,
    string ParentActivityInstanceId,
    string ActivityId,
    string? ActivityName,
    string ActivityType,
    DateTimeOffset StartTime,
    bool Canceled,
    DateTimeOffset Time) : RuntimeEffect;
