namespace Bpm.Engine.Model;

/// <summary>Waits for the first of the events that follow it (timers, messages); the others are withdrawn.</summary>
public sealed record EventBasedGateway(string Id, string? Name, string ScopeId) : FlowNode(Id, Name, ScopeId)
{
    public override string ActivityType => "eventBasedGateway";
    public override bool IsWaitState => true;
}
