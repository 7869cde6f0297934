namespace Bpm.Engine.Runtime.Effects;

public sealed record IncidentResolved(string IncidentId, DateTimeOffset Time) : RuntimeEffect;
