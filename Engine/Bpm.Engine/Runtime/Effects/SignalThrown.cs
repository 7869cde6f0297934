namespace Bpm.Engine.Runtime.Effects;

/// <summary>The instance threw a signal; a store broadcasts it once the command has committed.</summary>
public sealed record SignalThrown(string SignalName, DateTimeOffset Time) : RuntimeEffect;
