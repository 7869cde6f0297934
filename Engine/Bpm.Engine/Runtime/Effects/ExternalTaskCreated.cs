namespace Bpm.Engine.Runtime.Effects;

public sealed record ExternalTaskCreated(
    string TaskId,
    string ActivityId,
    string Topic,
    int? Retries,
    long Priority,
    DateTimeOffset Time) : RuntimeEffect;
