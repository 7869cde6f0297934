namespace Bpm.Contracts.Live;

/// <summary>
/// A user task the receiver may see was <c>created</c>, <c>assigned</c> (claimed, unclaimed, handed on), <c>updated</c>
/// (name, dates, priority), <c>completed</c> or <c>cancelled</c>.
/// </summary>
public sealed record TaskChangedDto(string Kind, string TaskId, string ProcessInstanceId, string ProcessDefinitionKey, string? Name, string? Assignee);
