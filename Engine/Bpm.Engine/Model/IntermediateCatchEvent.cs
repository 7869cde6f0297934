namespace Bpm.Engine.Model;

/// <summary>A timer intermediate catch event: the token waits until the timer is due.</summary>
public sealed record IntermediateCatchEvent(string Id, string? Name, string ScopeId, TimerDefinition Timer) : FlowNode(Id, Name, ScopeId)
{
    public override string ActivityType => "intermediateTimer";
    public override bool IsWaitState => true;
}
