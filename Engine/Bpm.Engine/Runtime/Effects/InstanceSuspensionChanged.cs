namespace Bpm.Engine.Runtime.Effects;

/// <summary>The instance was suspended or resumed: its tasks and timers are held or released with it.</summary>
public sealed record InstanceSuspensionChanged(bool Suspended, DateTimeOffset Time) : RuntimeEffect;
