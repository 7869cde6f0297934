namespace Bpm.Contracts.Rest;

/// <summary>
/// A process instance in history (<c>GET /history/process-instance</c>). <c>State</c> is ACTIVE, SUSPENDED,
/// COMPLETED, EXTERNALLY_TERMINATED or INTERNALLY_TERMINATED.
/// </summary>
public sealed record HistoricProcessInstanceDto(
    string Id,
    DateTimeOffset StartTime,
    string State,
    string? BusinessKey = null,
    string? ProcessDefinitionId = null,
    string? ProcessDefinitionKey = null,
    string? ProcessDefinitionName = null,
    int? ProcessDefinitionVersion = null,
    DateTimeOffset? EndTime = null,
    DateTimeOffset? RemovalTime = null,
    long? DurationInMillis = null,
    string? StartUserId = null,
    string? StartActivityId = null,
    string? DeleteReason = null,
    string? RootProcessInstanceId = null,
    string? SuperProcessInstanceId = null,
    string? SuperCaseInstanceId = null,
    string? CaseInstanceId = null,
    string? TenantId = null);
