namespace Bpm.Engine.Runtime.Effects;

/// <summary>A call activity was cancelled: the instance it called must be cancelled with it.</summary>
public sealed record ChildInstanceCancelled(string ChildInstanceId) : RuntimeEffect;
