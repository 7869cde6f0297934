using Bpm.Engine.Runtime;
using Bpm.Engine.Runtime.Effects;
using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Bpm.Engine.Storage;

/// <summary>Turns the effects of one command into row changes of the same transaction.</summary>
/// <remarks>
/// An activity at process level that waits for an external task, made by the command that started the activity, gets
/// no history row while it waits: its task row, which has its id, instance, activity and start time, stands for it
/// (the history API reads both). Its row is written once, complete, when its task ends. That spares each such task a
/// row version and the statement that closes it.
/// </remarks>
internal static class EffectWriter
{
    /// <param name="work">
    /// The transaction's work: the history rows started in it, and, when <see cref="CommittedWork.TaskChanges"/> is not
    /// null, the user tasks that appeared or ended, to be told after the commit.
    /// </param>
    /// <param name="level">At <see cref="HistoryLevel.None"/>, activities that start and end write no rows.</param>
    public static async Task ApplyAsync(BpmDbContext db, ProcessInstanceRow row, CommandResult result, CommittedWork work, HistoryLevel level, CancellationToken cancellationToken)
    {
        var remembers = level != HistoryLevel.None;
        var instance = result.Instance;
        var started = work.StartedActivities;
        var taskChanges = work.TaskChanges;
        var ended = new Dictionary<string, ActivityEnded>();
        var endedTasks = new List<WaitEnded>();
        var resolved = new List<string>();
        var cancelledTimers = new List<string>();
        bool? suspension = null;
        var closedSubscriptions = new List<string>();
        var createdTasks = taskChanges is null ? null : new List<UserTaskChange>();
        var startedHere = new List<ActivityInstanceRow>();
        // A history row this command writes, which later effects of the transaction may close in place.
        void Open(string id, string parentId, string activityId, string? name, string type, DateTimeOffset startTime, bool mayBeStored = false)
        {
            var history = new ActivityInstanceRow
            {
                Id = id,
                ProcessInstanceId = instance.Id,
                ParentActivityInstanceId = parentId,
                ActivityId = activityId,
                ActivityName = name,
                ActivityType = type,
                StartTime = startTime.UtcDateTime,
                MayBeStored = mayBeStored,
            };
            started[id] = history;
            startedHere.Add(history);
        }
        foreach (var effect in result.Effects)
        {
            switch (effect)
            {
                case ActivityStarted s when remembers:
                    Open(s.ActivityInstanceId, s.ParentActivityInstanceId ?? instance.Id, s.ActivityId, s.ActivityName, s.ActivityType, s.Time);
                    break;
                case ActivityEnded e when remembers:
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
                        RetryBackoffMs = t.RetryBackoff is { } backoff ? (long)backoff.TotalMilliseconds : null,
                        CreateTime = t.Time.UtcDateTime,
                        Suspended = instance.State == InstanceState.Suspended,
                    });
                    // Started by this command at process level, the activity waits without a row: its task stands for
                    // it. Should the task end in this command, its end (WaitEnded, before ActivityEnded) writes the row.
                    if (started.TryGetValue(t.TaskId, out var waiting) && waiting.ParentActivityInstanceId == instance.Id && startedHere.Remove(waiting))
                        started.Remove(t.TaskId);
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
                        FormKey = u.FormKey,
                        CreateTime = u.Time.UtcDateTime,
                        Due = u.Due?.UtcDateTime,
                        FollowUp = u.FollowUp?.UtcDateTime,
                        Priority = u.Priority,
                        Suspended = instance.State == InstanceState.Suspended,
                    });
                    foreach (var user in u.CandidateUsers.Distinct())
                        db.UserTaskCandidates.Add(new UserTaskCandidateRow { TaskId = u.TaskId, Kind = UserTaskCandidateRow.User, Name = user, CreateTime = u.Time.UtcDateTime });
                    foreach (var group in u.CandidateGroups.Distinct())
                        db.UserTaskCandidates.Add(new UserTaskCandidateRow { TaskId = u.TaskId, Kind = UserTaskCandidateRow.Group, Name = group, CreateTime = u.Time.UtcDateTime });
                    createdTasks?.Add(new UserTaskChange(UserTaskChange.Created, u.TaskId, instance.Id, instance.DefinitionKey, u.Name, u.Assignee,
                        [.. u.CandidateUsers.Distinct()], [.. u.CandidateGroups.Distinct()]));
                    if (started.TryGetValue(u.TaskId, out var userHistory))
                    {
                        userHistory.TaskId = u.TaskId;
                        userHistory.Assignee = u.Assignee;
                    }
                    break;
                case WaitEnded w:
                    endedTasks.Add(w);
                    if (remembers && w.ActivityType == "serviceTask" && w.ParentActivityInstanceId == instance.Id && !started.ContainsKey(w.TaskId))
                        Open(w.TaskId, w.ParentActivityInstanceId, w.ActivityId, w.ActivityName, w.ActivityType, w.StartTime, mayBeStored: true);
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
                case TimerScheduled t:
                    db.Jobs.Add(Job(instance, t.TimerId, JobRow.Timer, t.ElementId, t.DueAt, t.Time));
                    break;
                case ContinuationScheduled c:
                    var continuation = Job(instance, c.JobId, JobRow.Continuation, c.ElementId, c.Time, c.Time);
                    continuation.TokenId = c.TokenId;
                    db.Jobs.Add(continuation);
                    break;
                case TimerCancelled c:
                    cancelledTimers.Add(c.TimerId);
                    break;
                case MessageSubscribed m:
                    db.MessageSubscriptions.Add(new MessageSubscriptionRow
                    {
                        Id = m.SubscriptionId,
                        ProcessInstanceId = instance.Id,
                        DefinitionId = instance.DefinitionId,
                        DefinitionKey = instance.DefinitionKey,
                        ElementId = m.ElementId,
                        Kind = m.IsSignal ? MessageSubscriptionRow.SignalKind : MessageSubscriptionRow.MessageKind,
                        MessageName = m.MessageName,
                        CorrelationKey = m.CorrelationKey,
                        BusinessKey = instance.BusinessKey,
                        CreateTime = m.Time.UtcDateTime,
                    });
                    break;
                case SignalThrown signal:
                    db.SignalOutbox.Add(new SignalOutboxRow { Id = Guid.NewGuid().ToString(), SignalName = signal.SignalName, CreateTime = signal.Time.UtcDateTime });
                    break;
                case MessageUnsubscribed m:
                    closedSubscriptions.Add(m.SubscriptionId);
                    break;
                case InstanceSuspensionChanged change:
                    suspension = change.Suspended;
                    break;
                case InstanceEnded:
                    break;
            }
        }

        foreach (var history in startedHere) db.ActivityInstances.Add(history);
        foreach (var end in ended.Values)
        {
            // Closed in the same batch as the command's inserts: only the two changed columns are written.
            var history = db.ActivityInstances.Attach(new ActivityInstanceRow
            {
                Id = end.ActivityInstanceId,
                ProcessInstanceId = "",
                ParentActivityInstanceId = "",
                ActivityId = "",
                ActivityType = "",
            });
            history.Entity.EndTime = end.Time.UtcDateTime;
            history.Entity.Canceled = end.Canceled;
            history.Property(nameof(ActivityInstanceRow.EndTime)).IsModified = true;
            history.Property(nameof(ActivityInstanceRow.Canceled)).IsModified = true;
        }
        if (endedTasks.Count > 0)
        {
            var external = endedTasks.Where(t => t.ActivityType == "serviceTask").Select(t => t.TaskId).ToList();
            var human = endedTasks.Where(t => t.ActivityType == "userTask").Select(t => t.TaskId).ToList();
            if (external.Count > 0) await EndExternalTasksAsync(db, external, cancellationToken);
            if (human.Count > 0) await EndUserTasksAsync(db, instance, endedTasks.Where(t => t.ActivityType == "userTask"), taskChanges, createdTasks, cancellationToken);
        }
        // Told in the order they happened: a completed task before the task its token reached next.
        if (createdTasks is not null) taskChanges!.AddRange(createdTasks);
        if (closedSubscriptions.Count > 0)
        {
            Forget<MessageSubscriptionRow>(db, m => closedSubscriptions.Contains(m.Id));
            await db.MessageSubscriptions.Where(m => closedSubscriptions.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        if (cancelledTimers.Count > 0)
        {
            Forget<JobRow>(db, j => cancelledTimers.Contains(j.Id));
            await db.Jobs.Where(j => cancelledTimers.Contains(j.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        if (resolved.Count > 0)
        {
            Forget<IncidentRow>(db, i => resolved.Contains(i.Id));
            await db.Incidents.Where(i => resolved.Contains(i.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        if (suspension is { } suspended)
        {
            await db.ExternalTasks.Where(t => t.ProcessInstanceId == instance.Id).ExecuteUpdateAsync(set => set.SetProperty(t => t.Suspended, suspended), cancellationToken);
            await db.UserTasks.Where(t => t.ProcessInstanceId == instance.Id).ExecuteUpdateAsync(set => set.SetProperty(t => t.Suspended, suspended), cancellationToken);
            await db.Jobs.Where(j => j.ProcessInstanceId == instance.Id).ExecuteUpdateAsync(set => set.SetProperty(j => j.Suspended, suspended), cancellationToken);
        }
        row.State = InstanceDocument.StateName(instance.State);
        row.EndTime = instance.EndTime?.UtcDateTime;
        row.Document = InstanceDocument.Write(instance);
        row.Revision++;
    }

    /// <summary>
    /// Deletes external tasks that ended, with the failure incident that goes with a task. A task the transaction read
    /// (the one a worker answers) is deleted in the transaction's batch of writes, and its incident only when it has
    /// one: an external task has an open incident exactly while its retries are 0. Tasks it did not read are deleted,
    /// with any incident, by a statement each.
    /// </summary>
    private static async Task EndExternalTasksAsync(BpmDbContext db, List<string> ids, CancellationToken cancellationToken)
    {
        var (failed, unread) = db.WithoutDetectingChanges(() =>
        {
            var tracked = db.ExternalTasks.Local;
            var withIncident = ids.Where(id => tracked.FindEntry(id) is { State: EntityState.Unchanged or EntityState.Modified, Entity.Retries: 0 }).ToList();
            return (withIncident, Delete(tracked, ids));
        });
        if (unread.Count > 0) await db.ExternalTasks.Where(t => unread.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken);
        failed.AddRange(unread);
        if (failed.Count > 0)
            await db.Incidents.Where(i => failed.Contains(i.Configuration) && i.IncidentType == IncidentTypes.FailedExternalTask).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes the rows with <paramref name="ids"/> that the transaction tracks in its batch of writes (one it added is
    /// never inserted) and gives the ids of those it does not track, for the caller to delete by a statement.
    /// </summary>
    private static List<string> Delete<T>(LocalView<T> tracked, List<string> ids) where T : class
    {
        var unread = new List<string>();
        foreach (var id in ids)
        {
            if (tracked.FindEntry(id) is { State: not EntityState.Detached } entry) Delete(entry);
            else unread.Add(id);
        }
        return unread;
    }

    /// <summary>Deletes a tracked row in the transaction's batch of writes; one this command added is never inserted.</summary>
    private static void Delete(EntityEntry entry) =>
        entry.State = entry.State == EntityState.Added ? EntityState.Detached : EntityState.Deleted;

    /// <summary>
    /// Deletes user tasks that ended, with their candidates, and tells whom they concerned. A task the transaction read
    /// (the one an approver completes) was read with its candidates: both are deleted in the transaction's batch of
    /// writes. Tasks it did not read are read as they are, then deleted by a statement each. A task created and ended
    /// by the same command was never stored, and is never told as created.
    /// </summary>
    private static async Task EndUserTasksAsync(
        BpmDbContext db, ProcessInstance instance, IEnumerable<WaitEnded> ended, List<UserTaskChange>? taskChanges, List<UserTaskChange>? createdTasks,
        CancellationToken cancellationToken)
    {
        var byId = ended.DistinctBy(t => t.TaskId).ToDictionary(t => t.TaskId);
        var (read, unread) = db.WithoutDetectingChanges(() =>
        {
            var candidates = db.ChangeTracker.Entries<UserTaskCandidateRow>().Where(c => byId.ContainsKey(c.Entity.TaskId)).ToList();
            var stored = byId.Keys
                .Select(id => db.UserTasks.Local.FindEntry(id))
                .Where(e => e is { State: EntityState.Unchanged or EntityState.Modified })
                .Select(e => new StoredUserTask(e!.Entity, [.. candidates.Where(c => c.Entity.TaskId == e.Entity.Id).Select(c => c.Entity)]))
                .ToList();
            foreach (var candidate in candidates) Delete(candidate);
            return (stored, Delete(db.UserTasks.Local, [.. byId.Keys]));
        });
        createdTasks?.RemoveAll(c => byId.ContainsKey(c.TaskId));
        if (unread.Count > 0)
        {
            if (taskChanges is not null) read.AddRange(await StoredUserTask.ReadAsync(db, unread, cancellationToken));
            await db.UserTaskCandidates.Where(c => unread.Contains(c.TaskId)).ExecuteDeleteAsync(cancellationToken);
            await db.UserTasks.Where(t => unread.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        taskChanges?.AddRange(read.Select(t => UserTaskChange.Of(
            byId[t.Task.Id].Canceled ? UserTaskChange.Cancelled : UserTaskChange.Completed, t.Task.Id, instance.Id, instance.DefinitionKey, t.Task.Name, t.Task.Assignee,
            t.Candidates)));
    }

    private static JobRow Job(ProcessInstance instance, string id, string kind, string elementId, DateTimeOffset due, DateTimeOffset time) => new()
    {
        Id = id,
        Kind = kind,
        ProcessInstanceId = instance.Id,
        DefinitionId = instance.DefinitionId,
        DefinitionKey = instance.DefinitionKey,
        ElementId = elementId,
        DueAt = due.UtcDateTime,
        CreateTime = time.UtcDateTime,
        Suspended = instance.State == InstanceState.Suspended,
    };

    /// <summary>
    /// Stops tracking rows that are deleted in the database directly: rows added by this command are never
    /// inserted, loaded ones are not written back.
    /// </summary>
    private static void Forget<T>(BpmDbContext db, Func<T, bool> matches) where T : class
    {
        var forgotten = db.WithoutDetectingChanges(() => db.ChangeTracker.Entries<T>().Where(e => matches(e.Entity)).ToList());
        foreach (var entry in forgotten) entry.State = EntityState.Detached;
    }
}
