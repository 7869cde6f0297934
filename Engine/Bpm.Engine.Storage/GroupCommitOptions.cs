namespace Bpm.Engine.Storage;

/// <summary>
/// <c>Bpm:GroupCommit</c>: instance starts and external-task completions that arrive together share transactions
/// (<see cref="InstanceCommandGroups"/>).
/// </summary>
public sealed class GroupCommitOptions
{
    /// <summary>
    /// Transactions of grouped commands written at the same time; 0 turns grouping off (one transaction per command).
    /// Fewer writers make larger groups: on two cores, in two interleaved pairs of <c>durable</c> runs, two writers took
    /// 3.95 statements and 0.42 commits per instance where four took 4.1 and 0.46, and completed 0.51–0.53x pgbench
    /// where four completed 0.40–0.43x. More pay off where the database has cores to spare.
    /// </summary>
    public int Writers { get; set; } = 2;

    /// <summary>Commands in one transaction at most.</summary>
    public int MaxGroup { get; set; } = 64;
}
