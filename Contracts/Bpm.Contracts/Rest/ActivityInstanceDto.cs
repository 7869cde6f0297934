namespace Bpm.Contracts.Rest;

/// <summary>
/// The tree of activity instances that are active now (<c>GET /process-instance/{id}/activity-instances</c>):
/// the root stands for the process instance itself, its children for the activities holding tokens.
/// </summary>
public sealed record ActivityInstanceDto(
    string Id,
    string? ParentActivityInstanceId,
    string ActivityId,
    string ActivityType,
    string ProcessInstanceId,
    string ProcessDefinitionId,
    List<ActivityInstanceDto> ChildActivityInstances,
    List<TransitionInstanceDto> ChildTransitionInstances,
    List<string> ExecutionIds,
    string? ActivityName = null,
    List<string>? IncidentIds = null,
    List<ActivityInstanceIncidentDto>? Incidents = null);
