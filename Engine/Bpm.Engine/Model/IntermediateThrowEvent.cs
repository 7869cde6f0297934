namespace Bpm.Engine.Model;

public sealed record IntermediateThrowEvent(string Id, string? Name, string ScopeId) : FlowNode(Id, Name, ScopeId)
{
    public override string ActivityType => "intermediateNoneThrowEvent";
}
