namespace Bpm.Engine.Model;

public sealed record EndEvent(string Id, string? Name, string ScopeId, bool Terminate) : FlowNode(Id, Name, ScopeId)
{
    public override string ActivityType => Terminate ? "terminateEndEvent" : "noneEndEvent";
}
