namespace Bpm.Engine.Runtime.Effects;

/// <summary>The instance waits for a message: a store indexes it by name and correlation key.</summary>
public sealed record MessageSubscribed(string SubscriptionId, string ElementId, string MessageName, string? CorrelationKey, DateTimeOffset Time) : RuntimeEffect
{
    /// <summary>True when the wait is for a broadcast signal.</summary>
    public bool IsSignal { get; init; }
}
