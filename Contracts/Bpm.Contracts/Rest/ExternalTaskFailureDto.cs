namespace Bpm.Contracts.Rest;

/// <summary>
/// The body of <c>POST /external-task/{id}/failure</c>; <c>Retries</c> 0 raises an incident,
/// <c>RetryTimeout</c> (ms) delays the next fetch.
/// </summary>
public sealed record ExternalTaskFailureDto(
    string WorkerId,
    string? ErrorMessage = null,
    string? ErrorDetails = null,
    int? Retries = null,
    long? RetryTimeout = null,
    Dictionary<string, VariableValueDto>? Variables = null,
    Dictionary<string, VariableValueDto>? LocalVariables = null);
