namespace Bpm.Engine.Model;

/// <summary>
/// Throwing: undo the completed activities of the scope that have compensation handlers, newest first (or
/// only <see cref="ActivityRef"/>). Catching (a boundary event): names the handler that undoes its activity.
/// </summary>
public sealed record CompensationEventDefinition(string? ActivityRef);
