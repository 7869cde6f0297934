namespace Bpm.Engine.Model;

public sealed record ExclusiveGateway(string Id, string? Name, string ScopeId, string? DefaultFlowId) : FlowNode(Id, Name, ScopeId)
{
    public override string ActivityType => "exclusiveGateway";
}
