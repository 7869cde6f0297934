namespace Bpm.Engine.Model;

public sealed record ScriptTask(string Id, string? Name, string ScopeId, string Script, string? ResultVariable) : FlowNode(Id, Name, ScopeId)
{
    public override string ActivityType => "scriptTask";

    /// <summary>True for a Camunda 8 script task, whose script is one FEEL expression.</summary>
    public bool IsExpression { get; init; }
}
