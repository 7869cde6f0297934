namespace Bpm.Engine.Storage.Entities;

/// <summary>A signal an instance threw, written in the throwing command's transaction and broadcast after it.</summary>
public sealed class SignalOutboxRow
{
    public required string Id { get; set; }
    public required string SignalName { get; set; }
    public DateTime CreateTime { get; set; }
}
