namespace Bpm.Contracts.Rest;

/// <summary>One activity instance in history (<c>GET /history/activity-instance</c>).</summary>
public sealed record HistoricActivityInstanceDto(
    string Id,
    string ActivityId,
    string ActivityType,
    DateTimeOffset StartTime,
    string? ParentActivityInstanceId = null,
    string? ActivityName = null,
    string? ProcessDefinitionKey = null,
    string? ProcessDefinitionId = null,
    string? ProcessInstanceId = null,
    string? ExecutionId = null,
    string? TaskId = null,
    string? CalledProcessInstanceId = null,
    string? CalledCaseInstanceId = null,
    string? Assignee = null,
    DateTimeOffset? EndTime = null,
    long? DurationInMillis = null,
    bool Canceled = false,
    bool CompleteScope = false,
    string? TenantId = null,
    DateTimeOffset? RemovalTime = null,
    string? RootProcessInstanceId = null);
