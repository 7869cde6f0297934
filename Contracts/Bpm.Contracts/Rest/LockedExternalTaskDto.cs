namespace Bpm.Contracts.Rest;

/// <summary>One task in the response of <c>POST /external-task/fetchAndLock</c>.</summary>
public sealed record LockedExternalTaskDto(
    string Id,
    string TopicName,
    string WorkerId,
    DateTimeOffset LockExpirationTime,
    Dictionary<string, VariableValueDto> Variables,
    string? ActivityId = null,
    string? ActivityInstanceId = null,
    string? ErrorMessage = null,
    string? ErrorDetails = null,
    string? ExecutionId = null,
    DateTimeOffset? CreateTime = null,
    string? ProcessDefinitionId = null,
    string? ProcessDefinitionKey = null,
    string? ProcessDefinitionVersionTag = null,
    string? ProcessInstanceId = null,
    int? Retries = null,
    bool Suspended = false,
    string? TenantId = null,
    long Priority = 0,
    string? BusinessKey = null,
    Dictionary<string, string>? ExtensionProperties = null);
