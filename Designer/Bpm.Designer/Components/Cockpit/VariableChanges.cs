using Bpm.Contracts.Rest;

namespace Bpm.Designer.Components.Cockpit;

/// <summary>What an operator changed in an instance's variables: values to set and names to remove.</summary>
public sealed record VariableChanges(Dictionary<string, VariableValueDto>? Modifications, List<string>? Deletions);
