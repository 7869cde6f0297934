namespace Bpm.Engine.Scripting;

/// <summary>Limits of the JavaScript sandbox that runs script tasks.</summary>
public sealed record ScriptOptions
{
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(2);
    public long MemoryLimitBytes { get; init; } = 16 * 1024 * 1024;
    public int MaxStatements { get; init; } = 1_000_000;
    public int MaxRecursionDepth { get; init; } = 200;
}
