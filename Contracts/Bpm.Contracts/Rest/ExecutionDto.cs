namespace Bpm.Contracts.Rest;

/// <summary>An execution as Camunda shows it.</summary>
public sealed record ExecutionDto(string Id, string ProcessInstanceId, bool Ended, string? TenantId = null);
