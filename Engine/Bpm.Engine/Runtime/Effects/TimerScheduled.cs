namespace Bpm.Engine.Runtime.Effects;

/// <summary>A timer of the instance must fire at <see cref="DueAt"/>: a store keeps it as a job.</summary>
public sealed record TimerScheduled(string TimerId, string ElementId, DateTimeOffset DueAt, DateTimeOffset Time) : RuntimeEffect;
