namespace Bpm.Engine.Model;

/// <summary>A timer or message intermediate catch event: the token waits until the timer is due or the message arrives.</summary>
public sealed record IntermediateCatchEvent(string Id, string? Name, string ScopeId) : FlowNode(Id, Name, ScopeId)
{
    public TimerDefinition? Timer { get; init; }
    public MessageEventDefinition? Message { get; init; }
    public SignalEventDefinition? Signal { get; init; }

    public override string ActivityType => Message is not null ? "intermediateMessageCatch" : Signal is not null ? "intermediateSignalCatch" : "intermediateTimer";
    public override bool IsWaitState => true;
}
