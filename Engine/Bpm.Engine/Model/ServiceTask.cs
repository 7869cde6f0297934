namespace Bpm.Engine.Model;

/// <summary>A service task done by an external worker that fetches tasks of <see cref="Topic"/>.</summary>
public sealed record ServiceTask(string Id, string? Name, string ScopeId, string Topic, int? Retries) : FlowNode(Id, Name, ScopeId)
{
    public override string ActivityType => "serviceTask";
    public override bool IsWaitState => true;
    public int Priority { get; init; }
}
