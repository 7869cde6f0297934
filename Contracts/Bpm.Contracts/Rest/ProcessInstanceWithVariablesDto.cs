namespace Bpm.Contracts.Rest;

/// <summary>The response of a start with <c>withVariablesInReturn: true</c>.</summary>
public sealed record ProcessInstanceWithVariablesDto(
    string Id,
    string DefinitionId,
    Dictionary<string, VariableValueDto> Variables,
    string? BusinessKey = null,
    string? CaseInstanceId = null,
    bool Ended = false,
    bool Suspended = false,
    string? TenantId = null,
    List<LinkDto>? Links = null);
