namespace Bpm.Engine.Storage;

/// <summary>
/// <c>Bpm:GroupCommit</c>: instance starts and external-task completions that arrive together share transactions
/// (<see cref="InstanceCommandGroups"/>).
/// </summary>
public sealed class GroupCommitOptions
{
    /// <summary>
    /// Transactions of grouped commands written at the same time; 0 turns grouping off (one transaction per command).
    /// Fewer writers make larger groups: on two cores, two writers took 6.7 statements and 0.42 commits per instance
    /// of the <c>durable</c> bench where four took 7.7 and 0.68. More pay off where the database has cores to spare.
    /// </summary>
    public int Writers { get; set; } = 2;

    /// <summary>Commands in one transaction at most.</summary>
    public int MaxGroup { get; set; } = 64;
}
