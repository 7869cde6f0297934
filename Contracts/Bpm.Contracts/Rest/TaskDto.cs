namespace Bpm.Contracts.Rest;

/// <summary>A user task as returned by <c>GET /task</c> and <c>GET /task/{id}</c>.</summary>
public sealed record TaskDto(
    string Id,
    DateTimeOffset Created,
    string? Name = null,
    string? Assignee = null,
    string? Owner = null,
    DateTimeOffset? LastUpdated = null,
    DateTimeOffset? Due = null,
    DateTimeOffset? FollowUp = null,
    string? DelegationState = null,
    string? Description = null,
    string? ExecutionId = null,
    string? ParentTaskId = null,
    int Priority = 50,
    string? ProcessDefinitionId = null,
    string? ProcessInstanceId = null,
    string? TaskDefinitionKey = null,
    string? CaseExecutionId = null,
    string? CaseInstanceId = null,
    string? CaseDefinitionId = null,
    bool Suspended = false,
    string? FormKey = null,
    CamundaFormRefDto? CamundaFormRef = null,
    string? TenantId = null,
    string? TaskState = null);
