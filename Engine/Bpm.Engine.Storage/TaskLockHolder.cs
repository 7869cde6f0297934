namespace Bpm.Engine.Storage;

/// <summary>
/// Who answers for a locked external task. Over HTTP a worker names itself (Camunda's protocol); over a
/// message transport the lock token of the delivery it answers is the proof, whoever the worker is.
/// </summary>
public sealed record TaskLockHolder(string WorkerId, string? LockToken = null);
