namespace Bpm.Engine.Model;

public sealed record StartEvent(string Id, string? Name, string ScopeId) : FlowNode(Id, Name, ScopeId)
{
    public override string ActivityType => "startEvent";
}
