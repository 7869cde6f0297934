namespace Bpm.Contracts.Rest;

/// <summary>The body of <c>POST /task/{id}/complete</c>.</summary>
public sealed record CompleteTaskDto(
    Dictionary<string, VariableValueDto>? Variables = null,
    bool WithVariablesInReturn = false);
