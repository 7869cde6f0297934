using Bpm.Engine.Runtime;

namespace Bpm.Engine.Storage.Entities;

/// <summary>A process instance, running or ended: its queryable columns and its whole state as one JSON document.</summary>
public sealed class ProcessInstanceRow
{
    public required string Id { get; set; }
    public required string DefinitionId { get; set; }
    public required string DefinitionKey { get; set; }
    public string? BusinessKey { get; set; }
    /// <summary>The instance whose call activity started this one.</summary>
    public string? SuperProcessInstanceId { get; set; }
    /// <summary>ACTIVE, SUSPENDED, COMPLETED, EXTERNALLY_TERMINATED or INTERNALLY_TERMINATED.</summary>
    public required string State { get; set; }
    public DateTime StartTime { get; set; }
    public DateTime? EndTime { get; set; }
    public required string Document { get; set; }
    /// <summary>Optimistic concurrency: every command that changes the instance increments it.</summary>
    public int Revision { get; set; }

    /// <summary>
    /// The instance <see cref="Document"/> reads as, where a fetch read it already: taken by the row's next read
    /// (<see cref="InstanceDocument.Read"/>), since the command it is read for changes it. Never stored.
    /// </summary>
    internal ProcessInstance? Parsed { get; set; }

    /// <summary>A row of its own with the same values, for another unit of work to track; what was read of it stays here.</summary>
    internal ProcessInstanceRow Copy()
    {
        var copy = (ProcessInstanceRow)MemberwiseClone();
        copy.Parsed = null;
        return copy;
    }
}
