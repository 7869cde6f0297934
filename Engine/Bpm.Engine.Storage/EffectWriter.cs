using System.Linq.Expressions;
using Bpm.Engine.Runtime;
using Bpm.Engine.Runtime.Effects;
using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Storage;

/// <summary>Turns the effects of one command into row changes of the same transaction.</summary>
internal static class EffectWriter
{
    public static async Task ApplyAsync(BpmDbContext db, ProcessInstanceRow row, CommandResult result, CancellationToken cancellationToken)
    {
        var instance = result.Instance;
        var started = new Dictionary<string, ActivityInstanceRow>();
        var ended = new Dictionary<string, ActivityEnded>();
        var endedTasks = new List<WaitEnded>();
        var resolved = new List<string>();
        var sequence = DateTime.UtcNow.Ticks;
        foreach (var effect in result.Effects)
        {
            switch (effect)
            {
                case ActivityStarted s:
                    var history = new ActivityInstanceRow
                    {
                        Id = s.ActivityInstanceId,
                        ProcessInstanceId = instance.Id,
                        DefinitionId = instance.DefinitionId,
                        DefinitionKey = instance.DefinitionKey,
                        ParentActivityInstanceId = s.ParentActivityInstanceId ?? instance.Id,
                        ActivityId = s.ActivityId,
                        ActivityName = s.ActivityName,
                        ActivityType = s.ActivityType,
                        StartTime = s.Time.UtcDateTime,
                        Sequence = sequence++,
                    };
                    started[s.ActivityInstanceId] = history;
                    db.ActivityInstances.Add(history);
                    break;
                case ActivityEnded e:
                    if (started.TryGetValue(e.ActivityInstanceId, out var fresh))
                    {
                        fresh.EndTime = e.Time.UtcDateTime;
                        fresh.Canceled = e.Canceled;
                    }
                    else
                    {
                        ended[e.ActivityInstanceId] = e;
                    }
                    break;
                case ExternalTaskCreated t:
                    db.ExternalTasks.Add(new ExternalTaskRow
                    {
                        Id = t.TaskId,
                        ProcessInstanceId = instance.Id,
                        DefinitionId = instance.DefinitionId,
                        DefinitionKey = instance.DefinitionKey,
                        ActivityId = t.ActivityId,
                        Topic = t.Topic,
                        BusinessKey = instance.BusinessKey,
                        Retries = t.Retries,
                        Priority = t.Priority,
                        CreateTime = t.Time.UtcDateTime,
                        Suspended = instance.State == InstanceState.Suspended,
                    });
                    break;
                case UserTaskCreated u:
                    db.UserTasks.Add(new UserTaskRow
                    {
                        Id = u.TaskId,
                        ProcessInstanceId = instance.Id,
                        DefinitionId = instance.DefinitionId,
                        DefinitionKey = instance.DefinitionKey,
                        TaskDefinitionKey = u.ActivityId,
                        BusinessKey = instance.BusinessKey,
                        Name = u.Name,
                        Assignee = u.Assignee,
                        CandidateUsers = MemberList.Write(u.CandidateUsers),
                        CandidateGroups = MemberList.Write(u.CandidateGroups),
                        FormKey = u.FormKey,
                        CreateTime = u.Time.UtcDateTime,
                        Due = u.Due?.UtcDateTime,
                        FollowUp = u.FollowUp?.UtcDateTime,
                        Priority = u.Priority,
                    });
                    if (started.TryGetValue(u.TaskId, out var userHistory))
                    {
                        userHistory.TaskId = u.TaskId;
                        userHistory.Assignee = u.Assignee;
                    }
                    break;
                case WaitEnded w:
                    endedTasks.Add(w);
                    break;
                case IncidentRaised i:
                    db.Incidents.Add(new IncidentRow
                    {
                        Id = i.IncidentId,
                        IncidentType = i.IncidentType,
                        Message = i.Message,
                        ProcessInstanceId = instance.Id,
                        DefinitionId = instance.DefinitionId,
                        ActivityId = i.ActivityId,
                        Configuration = i.TokenId,
                        Timestamp = i.Time.UtcDateTime,
                    });
                    break;
                case IncidentResolved r:
                    resolved.Add(r.IncidentId);
                    break;
                case InstanceEnded:
                    break;
            }
        }

        if (ended.Count > 0)
        {
            var ids = ended.Keys.ToList();
            foreach (var history in await db.ActivityInstances.Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken))
            {
                history.EndTime = ended[history.Id].Time.UtcDateTime;
                history.Canceled = ended[history.Id].Canceled;
            }
        }
        if (endedTasks.Count > 0)
        {
            var ids = endedTasks.Select(t => t.TaskId).ToList();
            await RemoveAsync(db, db.ExternalTasks, ids, t => t.Id, cancellationToken);
            await RemoveAsync(db, db.UserTasks, ids, t => t.Id, cancellationToken);
            // The failure incident of an external task goes with the task.
            var failures = await db.Incidents
                .Where(i => ids.Contains(i.Configuration) && i.IncidentType == IncidentTypes.FailedExternalTask)
                .ToListAsync(cancellationToken);
            db.Incidents.RemoveRange(failures);
        }
        if (resolved.Count > 0) await RemoveAsync(db, db.Incidents, resolved, i => i.Id, cancellationToken);

        row.State = InstanceDocument.StateName(instance.State);
        row.EndTime = instance.EndTime?.UtcDateTime;
        row.Document = InstanceDocument.Write(instance);
        row.Revision++;
    }

    private static async Task RemoveAsync<T>(BpmDbContext db, DbSet<T> set, List<string> keys, Expression<Func<T, string>> key, CancellationToken cancellationToken)
        where T : class
    {
        var keyOf = key.Compile();
        foreach (var entry in db.ChangeTracker.Entries<T>().Where(e => keys.Contains(keyOf(e.Entity))).ToList())
        {
            entry.State = entry.State == EntityState.Added ? EntityState.Detached : EntityState.Deleted;
        }
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], Expression.Constant(keys), key.Body);
        var stored = await set.Where(Expression.Lambda<Func<T, bool>>(contains, key.Parameters)).ToListAsync(cancellationToken);
        foreach (var entity in stored)
        {
            if (db.Entry(entity).State != EntityState.Deleted) set.Remove(entity);
        }
    }
}
