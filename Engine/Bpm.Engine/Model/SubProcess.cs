namespace Bpm.Engine.Model;

/// <summary>An embedded sub-process: a scope of its own, entered through its none start event.</summary>
public sealed record SubProcess(string Id, string? Name, string ScopeId, string StartEventId) : FlowNode(Id, Name, ScopeId)
{
    public override string ActivityType => "subProcess";
    public override bool IsWaitState => true;
}
