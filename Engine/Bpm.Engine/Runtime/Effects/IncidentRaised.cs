namespace Bpm.Engine.Runtime.Effects;

public sealed record IncidentRaised(
    string IncidentId,
    string IncidentType,
    string ActivityId,
    string TokenId,
    string Message,
    DateTimeOffset Time) : RuntimeEffect;
