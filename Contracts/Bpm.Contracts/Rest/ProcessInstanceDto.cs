namespace Bpm.Contracts.Rest;

/// <summary>A running process instance. <c>Ended</c> is deprecated in Camunda and always false.</summary>
public sealed record ProcessInstanceDto(
    string Id,
    string DefinitionId,
    string? BusinessKey = null,
    string? CaseInstanceId = null,
    bool Ended = false,
    bool Suspended = false,
    string? TenantId = null,
    List<LinkDto>? Links = null);
