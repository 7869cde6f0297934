namespace Bpm.Contracts.Workers;

/// <summary>A worker needs more time: the lock then expires <see cref="NewDurationMs"/> from now.</summary>
public sealed record TaskLockExtended : TaskResult
{
    public required long NewDurationMs { get; init; }
}
