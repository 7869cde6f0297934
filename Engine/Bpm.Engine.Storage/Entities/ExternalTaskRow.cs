namespace Bpm.Engine.Storage.Entities;

/// <summary>A service task waiting for a worker; its id is the token's activity instance id.</summary>
public sealed class ExternalTaskRow
{
    public required string Id { get; set; }
    public required string ProcessInstanceId { get; set; }
    public required string DefinitionId { get; set; }
    public required string DefinitionKey { get; set; }
    public required string ActivityId { get; set; }
    public required string Topic { get; set; }
    public string? BusinessKey { get; set; }
    public string? WorkerId { get; set; }
    public DateTime? LockExpiration { get; set; }
    /// <summary>Names the current lock; a result that carries a token is applied only with this one.</summary>
    public string? LockToken { get; set; }
    /// <summary>How many times the task has been locked for a worker.</summary>
    public int Attempts { get; set; }
    public int? Retries { get; set; }
    public string? ErrorMessage { get; set; }
    public string? ErrorDetails { get; set; }
    public long Priority { get; set; }
    public DateTime CreateTime { get; set; }
    /// <summary>When a failure asked for a retry timeout: not fetchable before this time.</summary>
    public DateTime? AvailableFrom { get; set; }
    public bool Suspended { get; set; }
    /// <summary>The model's wait after a failure, in milliseconds, used when the worker names none.</summary>
    public long? RetryBackoffMs { get; set; }

    /// <summary>A row of its own with the same values, for another unit of work to track.</summary>
    internal ExternalTaskRow Copy() => (ExternalTaskRow)MemberwiseClone();
}
