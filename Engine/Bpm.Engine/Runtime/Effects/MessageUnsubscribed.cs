namespace Bpm.Engine.Runtime.Effects;

/// <summary>A wait for a message ended: the message came, or the token moved on or was cancelled.</summary>
public sealed record MessageUnsubscribed(string SubscriptionId) : RuntimeEffect;
