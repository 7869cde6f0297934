using Bpm.Engine.Host.Infrastructure;
using Bpm.Engine.Storage;
using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Host.Apis;

/// <summary>
/// A group's tasklist: one candidate group's unassigned tasks, oldest first, filtered by nothing else — the list
/// approvers open most. It reads the group's candidate rows as <c>TasksApi</c> does for any list of one group, but
/// compiled once, so that a call neither builds the query's expression nor looks it up; other lists of a group (newest
/// first, further filters) are built per call.
/// </summary>
internal static class GroupTaskList
{
    private static readonly TaskQuery Plain = new(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    private static readonly Func<BpmDbContext, string, bool, string, string[], int, int, IAsyncEnumerable<UserTaskRow>> Oldest = EF.CompileAsyncQuery(
        (BpmDbContext db, string group, bool everyone, string user, string[] groups, int skip, int take) => db.UserTaskCandidates.AsNoTracking()
            .Where(c => c.Kind == UserTaskCandidateRow.Group && c.Name == group)
            .Join(db.UserTasks.AsNoTracking().Where(t => t.Assignee == null && (everyone || db.UserTaskCandidates.Any(v => v.TaskId == t.Id
                && ((v.Kind == UserTaskCandidateRow.User && v.Name == user) || (v.Kind == UserTaskCandidateRow.Group && groups.Contains(v.Name)))))),
                c => c.TaskId, t => t.Id, (c, t) => new { c.CreateTime, c.TaskId, Task = t })
            .OrderBy(o => o.CreateTime).ThenBy(o => o.TaskId)
            .Select(o => o.Task).Skip(skip).Take(take));

    /// <summary>Whether <paramref name="filter"/> asks for a group's tasklist and nothing else.</summary>
    public static bool Serves(TaskQuery filter) =>
        filter is { CandidateGroup: not null, SortBy: null or "created", SortOrder: null or "asc" } && filter with { CandidateGroup = null, SortBy = null, SortOrder = null } == Plain;

    /// <summary>The page of the group's tasklist that <paramref name="user"/> (null for a machine, which sees every task) may see.</summary>
    public static ValueTask<List<UserTaskRow>> ReadAsync(BpmDbContext db, TaskQuery filter, CallingUser? user, int? firstResult, int? maxResults, CancellationToken ct)
    {
        var (skip, take) = Paging.Bounds(firstResult, maxResults);
        return Oldest(db, filter.CandidateGroup!, user is null, user?.Id ?? "", [.. user?.Groups ?? []], skip, take).ToListAsync(ct);
    }
}
