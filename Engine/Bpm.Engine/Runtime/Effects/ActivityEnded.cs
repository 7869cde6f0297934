namespace Bpm.Engine.Runtime.Effects;

public sealed record ActivityEnded(string ActivityInstanceId, DateTimeOffset Time, bool Canceled) : RuntimeEffect;
