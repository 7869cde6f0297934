namespace Bpm.Contracts.Rest;

/// <summary>One result of <c>POST /message</c> with <c>resultEnabled</c>: <c>resultType</c> is <c>Execution</c> or <c>ProcessDefinition</c>.</summary>
public sealed record MessageCorrelationResultDto(string ResultType, ExecutionDto? Execution, ProcessInstanceDto? ProcessInstance);

/// <summary>An execution as Camunda shows it.</summary>
public sealed record ExecutionDto(string Id, string ProcessInstanceId, bool Ended, string? TenantId = null);
