using Bpm.Engine.Runtime;
using Bpm.Engine.Storage.Entities;

namespace Bpm.Engine.Storage;

/// <summary>
/// What one transaction did: the history rows its commands started (so that a later command of the same
/// transaction closes them in place), and what is told only after it committed — the command results (counted in
/// metrics, waking fetchers of new external tasks) and the user tasks that appeared or ended (live tasklists).
/// </summary>
public sealed class CommittedWork
{
    internal List<CommandResult> Results { get; } = [];

    internal Dictionary<string, ActivityInstanceRow> StartedActivities { get; } = new(StringComparer.Ordinal);

    /// <summary>Null while nobody listens to user task changes: then none are gathered.</summary>
    internal List<UserTaskChange>? TaskChanges { get; init; }
}
