namespace Bpm.Contracts.Rest;

/// <summary>A job as returned by <c>GET /job</c>: a due timer, a timer start event or an asynchronous continuation.</summary>
public sealed record JobDto(
    string Id,
    string? ProcessInstanceId,
    string ProcessDefinitionId,
    string ProcessDefinitionKey,
    string? FailedActivityId,
    DateTimeOffset DueDate,
    int Retries,
    string? ExceptionMessage,
    bool Suspended,
    DateTimeOffset CreateTime,
    string? JobDefinitionId = null,
    string? ExecutionId = null,
    long Priority = 0,
    string? TenantId = null);
