namespace Bpm.Contracts.Rest;

/// <summary>The body of <c>POST /external-task/{id}/complete</c>.</summary>
public sealed record CompleteExternalTaskDto(
    string WorkerId,
    Dictionary<string, VariableValueDto>? Variables = null,
    Dictionary<string, VariableValueDto>? LocalVariables = null);
