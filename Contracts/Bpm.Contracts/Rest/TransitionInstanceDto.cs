namespace Bpm.Contracts.Rest;

/// <summary>A token waiting before or after an activity (an asynchronous continuation), in Camunda's activity instance tree.</summary>
public sealed record TransitionInstanceDto(
    string Id,
    string ParentActivityInstanceId,
    string ActivityId,
    string ActivityType,
    string ProcessInstanceId,
    string ProcessDefinitionId,
    string ExecutionId,
    string? ActivityName = null);
