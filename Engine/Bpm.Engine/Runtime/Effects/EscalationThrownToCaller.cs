namespace Bpm.Engine.Runtime.Effects;

/// <summary>A called instance threw an escalation nobody in it catches: the caller's call activity throws it on, and the called instance goes on.</summary>
public sealed record EscalationThrownToCaller(string EscalationCode) : RuntimeEffect;
