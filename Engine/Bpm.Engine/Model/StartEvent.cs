namespace Bpm.Engine.Model;

/// <summary>A none start event, or a timer or message start event when <see cref="Timer"/> or <see cref="Message"/> is set.</summary>
public sealed record StartEvent(string Id, string? Name, string ScopeId) : FlowNode(Id, Name, ScopeId)
{
    public TimerDefinition? Timer { get; init; }
    public MessageEventDefinition? Message { get; init; }
    public SignalEventDefinition? Signal { get; init; }
    /// <summary>The error that starts an event sub-process.</summary>
    public ErrorEventDefinition? Error { get; init; }
    /// <summary>The escalation that starts an event sub-process.</summary>
    public EscalationEventDefinition? Escalation { get; init; }
    /// <summary>For the start event of an event sub-process: whether it cancels the rest of its scope.</summary>
    public bool IsInterrupting { get; init; } = true;

    public override string ActivityType =>
        Timer is not null ? "startTimerEvent" : Message is not null ? "messageStartEvent" : Signal is not null ? "signalStartEvent" : "startEvent";
}
