namespace Bpm.Engine.Storage.Entities;

/// <summary>A message id already applied: the same message published again changes nothing.</summary>
public sealed class MessageReceiptRow
{
    public required string MessageId { get; set; }
    public DateTime ReceivedAt { get; set; }
}
