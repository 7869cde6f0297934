namespace Bpm.Engine.Runtime.Effects;

/// <summary>The external task or user task of a token is gone: completed, or cancelled with its scope.</summary>
public sealed record WaitEnded(string TaskId, string ActivityType, bool Canceled, DateTimeOffset Time) : RuntimeEffect;
