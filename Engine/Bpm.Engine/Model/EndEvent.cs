namespace Bpm.Engine.Model;

/// <summary>A none end event, a terminate end event, or an error end event when <see cref="Error"/> is set.</summary>
public sealed record EndEvent(string Id, string? Name, string ScopeId, bool Terminate) : FlowNode(Id, Name, ScopeId)
{
    public ErrorEventDefinition? Error { get; init; }
    public SignalEventDefinition? Signal { get; init; }
    public EscalationEventDefinition? Escalation { get; init; }
    public CompensationEventDefinition? Compensation { get; init; }

    public override string ActivityType =>
        Error is not null ? "errorEndEvent" : Signal is not null ? "signalEndEvent" : Escalation is not null ? "escalationEndEvent" : Compensation is not null ? "compensationEndEvent"
        : Terminate ? "terminateEndEvent" : "noneEndEvent";
}
