namespace Bpm.Engine.Model;

/// <summary>A <c>task</c> or <c>manualTask</c>: the engine passes through it.</summary>
public sealed record PlainTask(string Id, string? Name, string ScopeId, bool Manual) : FlowNode(Id, Name, ScopeId)
{
    public override string ActivityType => Manual ? "manualTask" : "task";
}
