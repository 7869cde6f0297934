namespace Bpm.Engine.Model;

/// <summary>A none intermediate throw event (a milestone), or a signal throw event when <see cref="Signal"/> is set.</summary>
public sealed record IntermediateThrowEvent(string Id, string? Name, string ScopeId) : FlowNode(Id, Name, ScopeId)
{
    public SignalEventDefinition? Signal { get; init; }
    public EscalationEventDefinition? Escalation { get; init; }
    public CompensationEventDefinition? Compensation { get; init; }

    public override string ActivityType =>
        Signal is not null ? "intermediateSignalThrow" : Escalation is not null ? "intermediateEscalationThrowEvent"
        : Compensation is not null ? "intermediateCompensationThrowEvent" : "intermediateNoneThrowEvent";
}
