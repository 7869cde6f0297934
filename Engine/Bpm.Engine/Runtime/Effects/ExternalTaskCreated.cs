namespace Bpm.Engine.Runtime.Effects;

public sealed record ExternalTaskCreated(
    string TaskId,
    string ActivityId,
    string Topic,
    int? Retries,
    long Priority,
    DateTimeOffset Time) : RuntimeEffect
{
    /// <summary>The wait after a failure when the worker names none.</summary>
    public TimeSpan? RetryBackoff { get; init; }
}
