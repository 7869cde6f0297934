namespace Bpm.Engine.Storage.Entities;

/// <summary>
/// Work due at a time: a timer of an instance, or a timer start event of a definition. Nodes acquire due jobs
/// by locking them; a lock that expires (its node died) makes the job acquirable again.
/// </summary>
public sealed class JobRow
{
    public const string Timer = "timer";
    public const string TimerStart = "timer-start";
    public const string Continuation = "continuation";

    public required string Id { get; set; }
    public required string Kind { get; set; }
    public string? ProcessInstanceId { get; set; }
    public required string DefinitionId { get; set; }
    public required string DefinitionKey { get; set; }
    public required string ElementId { get; set; }
    /// <summary>For a continuation: the token to continue.</summary>
    public string? TokenId { get; set; }
    public DateTime DueAt { get; set; }
    /// <summary>For a repeating timer start: firings left after this one; null for ever.</summary>
    public int? Repetitions { get; set; }
    public string? LockOwner { get; set; }
    public DateTime? LockExpiration { get; set; }
    public int Retries { get; set; } = 3;
    /// <summary>Held while its instance is suspended.</summary>
    public bool Suspended { get; set; }
    public string? ErrorMessage { get; set; }
    public DateTime CreateTime { get; set; }
}
