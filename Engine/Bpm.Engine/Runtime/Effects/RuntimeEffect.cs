namespace Bpm.Engine.Runtime.Effects;

/// <summary>Something a command changed that a store must record, in the order it happened.</summary>
public abstract record RuntimeEffect;
