namespace Bpm.Engine.Runtime;

/// <summary>An open wait for a message: a catch event's or receive task's token, or a message boundary event on an activity's token.</summary>
public sealed class MessageSubscription
{
    public required string Id { get; init; }
    public required string ElementId { get; init; }
    public required string TokenId { get; init; }
    public required string MessageName { get; init; }
    /// <summary>The evaluated correlation key, when the model names one.</summary>
    public string? CorrelationKey { get; init; }
    /// <summary>True for a wait for a broadcast signal of <see cref="MessageName"/>, not a message.</summary>
    public bool IsSignal { get; init; }
}
