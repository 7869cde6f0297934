namespace Bpm.Engine.Runtime;

/// <summary>An activity that completed in a scope and has a compensation handler to undo it.</summary>
public sealed record CompensationRecord(string ActivityId, string HandlerId, string? ScopeTokenId);
