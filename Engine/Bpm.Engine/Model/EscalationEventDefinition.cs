namespace Bpm.Engine.Model;

/// <summary>An escalation: like an error it goes outwards by code, but a catching event may let the thrower go on.</summary>
public sealed record EscalationEventDefinition(string? EscalationCode)
{
    public bool Catches(string code) => EscalationCode is null || EscalationCode == code;
}
