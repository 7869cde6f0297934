namespace Bpm.Engine.Storage.Entities;

/// <summary>A wait for a message: of an instance's token, or (no instance) a message start event of the latest version of a process.</summary>
public sealed class MessageSubscriptionRow
{
    public required string Id { get; set; }
    public string? ProcessInstanceId { get; set; }
    public required string DefinitionId { get; set; }
    public required string DefinitionKey { get; set; }
    public required string ElementId { get; set; }
    public const string MessageKind = "message";
    public const string SignalKind = "signal";

    /// <summary><see cref="MessageKind"/> or <see cref="SignalKind"/>.</summary>
    public string Kind { get; set; } = MessageKind;
    public required string MessageName { get; set; }
    public string? CorrelationKey { get; set; }
    public string? BusinessKey { get; set; }
    public DateTime CreateTime { get; set; }
}
