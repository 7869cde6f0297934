namespace Bpm.Contracts.Rest;

/// <summary>The body of <c>POST /external-task/{id}/bpmnError</c>.</summary>
public sealed record ExternalTaskBpmnErrorDto(
    string WorkerId,
    string ErrorCode,
    string? ErrorMessage = null,
    Dictionary<string, VariableValueDto>? Variables = null);
