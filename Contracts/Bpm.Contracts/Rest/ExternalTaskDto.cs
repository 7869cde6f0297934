namespace Bpm.Contracts.Rest;

/// <summary>An external task as returned by <c>GET /external-task</c> and <c>GET /external-task/{id}</c>.</summary>
public sealed record ExternalTaskDto(
    string Id,
    string TopicName,
    string? ActivityId = null,
    string? ActivityInstanceId = null,
    string? ErrorMessage = null,
    string? ErrorDetails = null,
    string? ExecutionId = null,
    DateTimeOffset? LockExpirationTime = null,
    DateTimeOffset? CreateTime = null,
    string? ProcessDefinitionId = null,
    string? ProcessDefinitionKey = null,
    string? ProcessDefinitionVersionTag = null,
    string? ProcessInstanceId = null,
    string? TenantId = null,
    int? Retries = null,
    bool Suspended = false,
    string? WorkerId = null,
    long Priority = 0,
    string? BusinessKey = null);
