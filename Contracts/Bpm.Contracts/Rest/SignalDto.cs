namespace Bpm.Contracts.Rest;

/// <summary>The body of <c>POST /signal</c>.</summary>
public sealed record SignalDto(string? Name, Dictionary<string, VariableValueDto>? Variables = null, string? ExecutionId = null, string? TenantId = null);
