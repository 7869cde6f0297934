namespace Bpm.Engine.Model;

/// <summary>A signal: broadcast by name to every instance and start event waiting for it.</summary>
public sealed record SignalEventDefinition(string SignalName);
