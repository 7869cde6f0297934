namespace Bpm.Engine.Storage;

/// <summary>
/// <c>Bpm:GroupCommit</c>: instance starts and external-task completions that arrive together share transactions
/// (<see cref="InstanceCommandGroups"/>).
/// </summary>
public sealed class GroupCommitOptions
{
    /// <summary>Transactions of grouped commands written at the same time; 0 turns grouping off (one transaction per command).</summary>
    public int Writers { get; set; } = 4;

    /// <summary>Commands in one transaction at most.</summary>
    public int MaxGroup { get; set; } = 64;
}
