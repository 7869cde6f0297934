namespace Bpm.Contracts.Rest;

/// <summary>
/// The body of <c>POST /message</c> as Camunda 7 defines it, plus <c>correlationKey</c> (Camunda 8 style),
/// <c>timeToLive</c> in milliseconds (buffering) and <c>messageId</c> (idempotency).
/// </summary>
public sealed record CorrelationMessageDto(
    string? MessageName,
    string? BusinessKey = null,
    string? TenantId = null,
    Dictionary<string, VariableValueDto>? CorrelationKeys = null,
    Dictionary<string, VariableValueDto>? LocalCorrelationKeys = null,
    string? ProcessInstanceId = null,
    Dictionary<string, VariableValueDto>? ProcessVariables = null,
    Dictionary<string, VariableValueDto>? ProcessVariablesLocal = null,
    bool All = false,
    bool ResultEnabled = false,
    bool VariablesInResultEnabled = false,
    string? CorrelationKey = null,
    long? TimeToLive = null,
    string? MessageId = null);
