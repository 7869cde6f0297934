namespace Bpm.Engine.Runtime.Effects;

/// <summary>A pending timer is no longer wanted: its token moved on or was cancelled.</summary>
public sealed record TimerCancelled(string TimerId) : RuntimeEffect;
