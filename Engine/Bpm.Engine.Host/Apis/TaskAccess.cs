using Bpm.Engine.Errors;
using Bpm.Engine.Host.Infrastructure;
using Bpm.Engine.Storage;
using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Host.Apis;

/// <summary>
/// Which user tasks a person may see and work on: those assigned to them and those offered to them or to one of
/// their groups. A machine caller (API key alone) sees every task.
/// </summary>
public static class TaskAccess
{
    public static IQueryable<UserTaskRow> VisibleTo(IQueryable<UserTaskRow> tasks, IQueryable<UserTaskCandidateRow> candidates, CallingUser? user)
    {
        if (user is null) return tasks;
        var id = user.Id;
        var groups = user.Groups.ToList();
        return tasks.Where(t => t.Assignee == id || candidates.Any(c => c.TaskId == t.Id
            && ((c.Kind == UserTaskCandidateRow.User && c.Name == id) || (c.Kind == UserTaskCandidateRow.Group && groups.Contains(c.Name)))));
    }

    /// <summary>Refuses a person who may not see the task; as the task exists, the answer says so plainly.</summary>
    public static async Task EnsureVisibleAsync(BpmDbContext db, string taskId, CallingUser? user, CancellationToken ct)
    {
        if (user is null) return;
        var visible = await VisibleTo(db.UserTasks.AsNoTracking().Where(t => t.Id == taskId), db.UserTaskCandidates.AsNoTracking(), user).AnyAsync(ct);
        if (!visible && await db.UserTasks.AsNoTracking().AnyAsync(t => t.Id == taskId, ct))
            throw new EngineException(EngineErrorKind.Forbidden, $"User '{user.Id}' is neither the assignee nor a candidate of task '{taskId}'");
    }

    /// <summary>A person claims or is made assignee only for themselves.</summary>
    public static void EnsureSelf(CallingUser? user, string? userId)
    {
        if (user is not null && userId is not null && userId != user.Id)
            throw new EngineException(EngineErrorKind.Forbidden, $"User '{user.Id}' may not assign a task to '{userId}'");
    }
}
