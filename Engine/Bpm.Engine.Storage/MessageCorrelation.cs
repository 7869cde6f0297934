namespace Bpm.Engine.Storage;

/// <summary>Where a message went: an instance that waited for it (<c>Execution</c>) or one it started (<c>ProcessDefinition</c>).</summary>
public sealed record MessageCorrelation(string ResultType, string ProcessInstanceId, string DefinitionId, string? BusinessKey);
