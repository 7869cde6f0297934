namespace Bpm.Engine.Storage.Entities;

/// <summary>A message published with a time to live that matched nobody yet; delivered to the first subscription that opens in time.</summary>
public sealed class MessageBufferRow
{
    public required string Id { get; set; }
    public required string MessageName { get; set; }
    public string? CorrelationKey { get; set; }
    public string? BusinessKey { get; set; }
    public string? MessageId { get; set; }
    public required string Variables { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime CreateTime { get; set; }
}
