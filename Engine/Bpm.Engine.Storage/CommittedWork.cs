using Bpm.Engine.Runtime;

namespace Bpm.Engine.Storage;

/// <summary>
/// What one transaction did that is told only after it committed: the command results (counted in metrics, waking
/// fetchers of new external tasks) and the user tasks that appeared or ended (live tasklists).
/// </summary>
public sealed class CommittedWork
{
    internal List<CommandResult> Results { get; } = [];

    /// <summary>Null while nobody listens to user task changes: then none are gathered.</summary>
    internal List<UserTaskChange>? TaskChanges { get; init; }
}
