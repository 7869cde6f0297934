namespace Bpm.Engine.Storage;

/// <summary>The version a start by key starts: the highest one deployed under the key, and whether it is suspended.</summary>
internal sealed record LatestDefinition(string Id, bool Suspended);
