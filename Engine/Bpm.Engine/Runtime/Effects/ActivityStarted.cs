namespace Bpm.Engine.Runtime.Effects;

public sealed record ActivityStarted(
    string ActivityInstanceId,
    string? ParentActivityInstanceId,
    string ActivityId,
    string? ActivityName,
    string ActivityType,
    DateTimeOffset Time) : RuntimeEffect;
