namespace Bpm.Engine.Runtime;

/// <summary>An activity that completed in a scope and has a compensation handler to undo it.</summary>
public sealed record CompensationRecord(string ActivityId, string HandlerId, string? ScopeTokenId)
{
    /// <summary>Completed sub-processes the activity ran in, innermost first: compensating one of them undoes it too.</summary>
    public List<string>? Within { get; init; }
}
