namespace Bpm.Contracts.Rest;

/// <summary>The body of <c>POST /process-instance/{id}/variables</c>: variables to set and names to remove.</summary>
public sealed record PatchVariablesDto(Dictionary<string, VariableValueDto>? Modifications = null, List<string>? Deletions = null);
