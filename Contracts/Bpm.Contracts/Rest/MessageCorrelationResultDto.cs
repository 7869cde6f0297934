namespace Bpm.Contracts.Rest;

/// <summary>One result of <c>POST /message</c> with <c>resultEnabled</c>: <c>resultType</c> is <c>Execution</c> or <c>ProcessDefinition</c>.</summary>
public sealed record MessageCorrelationResultDto(string ResultType, ExecutionDto? Execution, ProcessInstanceDto? ProcessInstance);
