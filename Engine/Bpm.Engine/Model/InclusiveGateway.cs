namespace Bpm.Engine.Model;

public sealed record InclusiveGateway(string Id, string? Name, string ScopeId, string? DefaultFlowId) : FlowNode(Id, Name, ScopeId)
{
    public override string ActivityType => "inclusiveGateway";
}
