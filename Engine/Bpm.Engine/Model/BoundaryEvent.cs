namespace Bpm.Engine.Model;

/// <summary>
/// A timer, message or error boundary event on an activity. Interrupting (<see cref="CancelActivity"/>) it cancels the
/// activity and leaves along its own flows; non-interrupting (timers only) it starts a parallel path and the
/// activity goes on. Error boundary events always interrupt.
/// </summary>
public sealed record BoundaryEvent(string Id, string? Name, string ScopeId, string AttachedToId, bool CancelActivity)
    : FlowNode(Id, Name, ScopeId)
{
    public TimerDefinition? Timer { get; init; }
    public ErrorEventDefinition? Error { get; init; }
    public MessageEventDefinition? Message { get; init; }
    public SignalEventDefinition? Signal { get; init; }
    public EscalationEventDefinition? Escalation { get; init; }
    /// <summary>For a compensation boundary event: the activity that undoes the one it is attached to.</summary>
    public string? CompensationHandlerId { get; init; }

    public override string ActivityType =>
        Error is not null ? "boundaryError" : Message is not null ? "boundaryMessage" : Signal is not null ? "boundarySignal"
        : Escalation is not null ? "boundaryEscalation" : CompensationHandlerId is not null ? "compensationBoundaryCatch" : "boundaryTimer";
}
