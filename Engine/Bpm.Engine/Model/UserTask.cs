namespace Bpm.Engine.Model;

/// <summary>A human task. Assignee and candidates may be expressions, evaluated when the task is created.</summary>
public sealed record UserTask(string Id, string? Name, string ScopeId) : FlowNode(Id, Name, ScopeId)
{
    public override string ActivityType => "userTask";
    public override bool IsWaitState => true;
    public string? Assignee { get; init; }
    public string? CandidateUsers { get; init; }
    public string? CandidateGroups { get; init; }
    public string? FormKey { get; init; }
    public string? DueDate { get; init; }
    public string? FollowUpDate { get; init; }
    public string? Priority { get; init; }
}
