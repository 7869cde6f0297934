using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Storage;

/// <summary>A stored user task with its candidate users and groups, read in one query.</summary>
internal sealed record StoredUserTask(UserTaskRow Task, List<UserTaskCandidateRow> Candidates)
{
    public static Task<List<StoredUserTask>> ReadAsync(BpmDbContext db, IReadOnlyCollection<string> taskIds, CancellationToken cancellationToken) =>
        db.UserTasks.AsNoTracking()
            .Where(t => taskIds.Contains(t.Id))
            .Select(t => new StoredUserTask(t, db.UserTaskCandidates.Where(c => c.TaskId == t.Id).ToList()))
            .ToListAsync(cancellationToken);
}
