namespace Bpm.Contracts.Rest;

/// <summary>An open incident as returned by <c>GET /incident</c>.</summary>
public sealed record IncidentDto(
    string Id,
    DateTimeOffset IncidentTimestamp,
    string IncidentType,
    string? ProcessDefinitionId = null,
    string? ProcessInstanceId = null,
    string? ExecutionId = null,
    string? ActivityId = null,
    string? FailedActivityId = null,
    string? CauseIncidentId = null,
    string? RootCauseIncidentId = null,
    string? Configuration = null,
    string? TenantId = null,
    string? IncidentMessage = null,
    string? JobDefinitionId = null,
    string? Annotation = null);
