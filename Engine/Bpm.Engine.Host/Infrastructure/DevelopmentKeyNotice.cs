namespace Bpm.Engine.Host.Infrastructure;

/// <summary>The generated development key, to be shown once at start.</summary>
public sealed record DevelopmentKeyNotice(string Key);
