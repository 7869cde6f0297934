namespace Bpm.Workers.Sdk;

/// <summary>The engine answered a worker's call with an error status; the message carries its answer.</summary>
public sealed class EngineCallException(string message) : Exception(message);
