namespace Bpm.Engine.Runtime.Effects;

/// <summary>A called instance threw a BPMN error it does not catch: it ends, and the caller's call activity receives the error.</summary>
public sealed record ErrorThrownToCaller(string ErrorCode, string? ErrorMessage) : RuntimeEffect;
