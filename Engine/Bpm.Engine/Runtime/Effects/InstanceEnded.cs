namespace Bpm.Engine.Runtime.Effects;

public sealed record InstanceEnded(InstanceState State, DateTimeOffset Time) : RuntimeEffect;
