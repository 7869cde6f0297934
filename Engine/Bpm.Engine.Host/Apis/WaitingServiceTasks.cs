using Bpm.Engine.Storage;
using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Host.Apis;

/// <summary>
/// The activities at process level that wait for their external task: they have no history row until the task ends,
/// and their task row stands for it. Read as open history rows without a name (the model has it).
/// </summary>
internal static class WaitingServiceTasks
{
    public const string ActivityType = "serviceTask";

    /// <remarks>A task whose activity has its row already (made by a later command than the one that started it) is that row.</remarks>
    public static IQueryable<ActivityInstanceRow> Query(BpmDbContext db) =>
        db.ExternalTasks.AsNoTracking()
            .Where(t => !db.ActivityInstances.Any(a => a.Id == t.Id))
            .Select(t => new ActivityInstanceRow
            {
                Id = t.Id, ProcessInstanceId = t.ProcessInstanceId, ParentActivityInstanceId = t.ProcessInstanceId, ActivityId = t.ActivityId,
                ActivityName = null, ActivityType = ActivityType, TaskId = null, Assignee = null, StartTime = t.CreateTime,
                EndTime = null, Canceled = false,
            });
}
