using System.Text.Json.Nodes;
using Bpm.Engine.Errors;
using Bpm.Engine.Runtime;
using Bpm.Engine.Storage.Entities;
using Bpm.Engine.Storage.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Storage;

/// <summary>
/// The external-task protocol: fetch and lock, complete, fail, BPMN error, lock, unlock, extend lock and
/// retries. Every result is checked against the lock it answers, so a stale worker cannot apply it.
/// </summary>
public sealed class ExternalTaskService(
    IDbContextFactory<BpmDbContext> contexts,
    StorageOptions options,
    InstanceCommandExecutor executor,
    InstanceCommandGroups groups,
    ProcessRuntime runtime,
    TimeProvider time,
    TaskAvailability availability,
    LockedTaskMemory memory,
    EngineMetrics metrics)
{
    public async Task<IReadOnlyList<LockedTask>> FetchAndLockAsync(
        string workerId, int maxTasks, bool usePriority, IReadOnlyList<FetchTopic> topics, CancellationToken cancellationToken)
    {
        var locked = new List<(ExternalTaskRow Row, ProcessInstanceRow? Instance, FetchTopic Topic)>();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var now = time.GetUtcNow().UtcDateTime;
            // SQLite selects the tasks and locks them when saving: its transaction keeps another fetch out in between.
            await using var transaction = options.Provider == DatabaseProvider.Sqlite ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            foreach (var topic in topics)
            {
                if (locked.Count >= maxTasks) break;
                var rows = await ExternalTaskLockQuery.LockAsync(db, options.Provider, topic, maxTasks - locked.Count, usePriority, now, workerId, cancellationToken);
                locked.AddRange(rows.Select(row => (row.Task, row.Instance, topic)));
            }
            if (transaction is not null)
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        foreach (var topic in locked.GroupBy(l => l.Row.Topic)) metrics.ExternalTasksActivated(topic.Key, topic.Count());
        var instances = new Dictionary<string, ProcessInstance?>(StringComparer.Ordinal);
        List<LockedTask> answer = [.. locked.Select(l =>
        {
            if (!instances.TryGetValue(l.Row.ProcessInstanceId, out var instance))
                instances[l.Row.ProcessInstanceId] = instance = l.Instance is null ? null : InstanceDocument.Read(l.Instance);
            return new LockedTask(l.Row, instance is null ? [] : VariablesFor(instance, l.Row.Id, l.Topic));
        })];
        // On PostgreSQL the lock committed on its own: its rows are kept for the answers (SQLite reads them cheaply),
        // each instance's with what was read of it above, which the variables handed out are copies of.
        if (options.Provider == DatabaseProvider.PostgreSql)
            memory.Remember(locked.Select(l => (l.Row, l.Instance, instances[l.Row.ProcessInstanceId])));
        return answer;
    }

    public async Task<ExternalTaskRow> GetAsync(string taskId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ExternalTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken)
            ?? throw NotFound(taskId);
    }

    public async Task CompleteAsync(string taskId, TaskLockHolder holder, JsonObject? variables, JsonObject? localVariables, CancellationToken cancellationToken)
    {
        var topic = "";
        // Workers complete what they fetched together: their completions share transactions.
        await groups.ExecuteAsync(
            async (db, ct) =>
            {
                var task = await RequireLockAsync(db, taskId, holder, "completed", ct);
                topic = task.Topic;
                return task.ProcessInstanceId;
            },
            (definition, instance) => runtime.CompleteTask(definition, instance, taskId, variables, localVariables),
            taskId,
            cancellationToken);
        metrics.ExternalTaskCompleted(topic);
    }

    public async Task HandleBpmnErrorAsync(string taskId, TaskLockHolder holder, string errorCode, string? errorMessage, JsonObject? variables, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(errorCode)) throw EngineException.Invalid("errorCode is required");
        var topic = "";
        await executor.ExecuteAsync(
            async (db, ct) =>
            {
                var task = await RequireLockAsync(db, taskId, holder, "failed with a BPMN error", ct);
                topic = task.Topic;
                return task.ProcessInstanceId;
            },
            (definition, instance) => runtime.ThrowBpmnError(definition, instance, taskId, errorCode, errorMessage, variables),
            cancellationToken);
        metrics.ExternalTaskFailed(topic, bpmnError: true);
    }

    /// <summary>
    /// A worker reports a failure: retries left make the task fetchable again (after the retry timeout); none
    /// left raise an incident. A worker that names no retries gets the model's policy: one retry fewer, and
    /// the model's backoff.
    /// </summary>
    public async Task HandleFailureAsync(
        string taskId, TaskLockHolder holder, string? errorMessage, string? errorDetails, int? requestedRetries, long? requestedTimeout, CancellationToken cancellationToken)
    {
        if (requestedRetries < 0) throw EngineException.Invalid($"retries must not be negative, was {requestedRetries}");
        if (requestedTimeout < 0) throw EngineException.Invalid($"retryTimeout must not be negative, was {requestedTimeout}");
        var (topic, retries) = ("", 0);
        await UpdateAsync(taskId, cancellationToken, async (db, now) =>
        {
            var task = await RequireLockAsync(db, taskId, holder, "failed", cancellationToken);
            retries = requestedRetries ?? (task.Retries is { } left
                ? Math.Max(left - 1, 0)
                : throw EngineException.Invalid("retries is required: the task's model sets no retry policy"));
            var retryTimeout = requestedTimeout ?? (requestedRetries is null ? task.RetryBackoffMs ?? 0 : 0);
            task.Retries = retries;
            task.ErrorMessage = Truncate(errorMessage, 4000);
            task.ErrorDetails = errorDetails;
            ClearLock(task);
            task.AvailableFrom = retryTimeout > 0 ? now.AddMilliseconds(retryTimeout) : null;
            if (retries == 0) RaiseIncident(db, task, now);
            topic = task.Topic;
        });
        metrics.ExternalTaskFailed(topic, bpmnError: false);
        if (retries > 0) availability.Notify(topic);
    }

    /// <summary>Sets the retries of a task; retries above zero resolve its incident and make it fetchable again.</summary>
    public async Task SetRetriesAsync(string taskId, int retries, CancellationToken cancellationToken)
    {
        if (retries < 0) throw EngineException.Invalid($"retries must not be negative, was {retries}");
        var topic = "";
        await UpdateAsync(taskId, cancellationToken, async (db, now) =>
        {
            var task = await db.ExternalTasks.SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken) ?? throw NotFound(taskId);
            var incidents = await db.Incidents.Where(i => i.Configuration == taskId && i.IncidentType == IncidentTypes.FailedExternalTask).ToListAsync(cancellationToken);
            task.Retries = retries;
            if (retries > 0)
            {
                db.Incidents.RemoveRange(incidents);
                task.AvailableFrom = null;
            }
            else if (incidents.Count == 0)
            {
                RaiseIncident(db, task, now);
            }
            topic = task.Topic;
        });
        if (retries > 0) availability.Notify(topic);
    }

    public Task ExtendLockAsync(string taskId, TaskLockHolder holder, long newDuration, CancellationToken cancellationToken) =>
        UpdateAsync(taskId, cancellationToken, async (db, now) =>
        {
            if (newDuration <= 0) throw EngineException.Invalid($"newDuration must be positive, was {newDuration}");
            var task = await RequireLockAsync(db, taskId, holder, "extended", cancellationToken);
            task.LockExpiration = now.AddMilliseconds(newDuration);
        });

    public Task LockAsync(string taskId, string workerId, long lockDuration, CancellationToken cancellationToken) =>
        UpdateAsync(taskId, cancellationToken, async (db, now) =>
        {
            if (string.IsNullOrWhiteSpace(workerId)) throw EngineException.Invalid("workerId is required");
            if (lockDuration <= 0) throw EngineException.Invalid($"lockDuration must be positive, was {lockDuration}");
            var task = await db.ExternalTasks.SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken) ?? throw NotFound(taskId);
            if (task.WorkerId is not null && task.WorkerId != workerId && task.LockExpiration > now)
                throw EngineException.Conflict($"External task '{taskId}' is already locked by worker '{task.WorkerId}'");
            if (task.WorkerId != workerId) task.LockToken = Guid.NewGuid().ToString("N");
            task.WorkerId = workerId;
            task.LockExpiration = now.AddMilliseconds(lockDuration);
        });

    /// <summary>Unlocks a task whoever holds it (an operator's call): fetchable again at once.</summary>
    public Task UnlockAsync(string taskId, CancellationToken cancellationToken) =>
        ClearLockAsync(taskId, async (db, ct) => await db.ExternalTasks.SingleOrDefaultAsync(t => t.Id == taskId, ct) ?? throw NotFound(taskId), cancellationToken);

    /// <summary>The holder of a lock gives the task back unfinished: fetchable again at once, retries untouched.</summary>
    public Task ReleaseAsync(string taskId, TaskLockHolder holder, CancellationToken cancellationToken) =>
        ClearLockAsync(taskId, (db, ct) => RequireLockAsync(db, taskId, holder, "released", ct), cancellationToken);

    private async Task ClearLockAsync(string taskId, Func<BpmDbContext, CancellationToken, Task<ExternalTaskRow>> find, CancellationToken cancellationToken)
    {
        var topic = "";
        await UpdateAsync(taskId, cancellationToken, async (db, _) =>
        {
            var task = await find(db, cancellationToken);
            ClearLock(task);
            topic = task.Topic;
        });
        availability.Notify(topic);
    }

    private static void ClearLock(ExternalTaskRow task)
    {
        task.WorkerId = null;
        task.LockExpiration = null;
        task.LockToken = null;
    }

    /// <summary>Changes the task's row in a transaction of its own; the row the last fetch kept of it is forgotten.</summary>
    private async Task UpdateAsync(string taskId, CancellationToken cancellationToken, Func<BpmDbContext, DateTime, Task> change)
    {
        memory.Forget(taskId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await change(db, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<ExternalTaskRow> RequireLockAsync(BpmDbContext db, string taskId, TaskLockHolder holder, string action, CancellationToken cancellationToken)
    {
        var workerId = holder.WorkerId;
        if (string.IsNullOrWhiteSpace(workerId)) throw EngineException.Invalid("workerId is required");
        // Found among the tasks a group of completions read together or took from the fetch's memory, else read now.
        var task = await db.ExternalTasks.FindAsync([taskId], cancellationToken)
            ?? throw await GoneAsync(db, taskId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (holder.LockToken is { } token)
        {
            if (task.LockToken != token)
                throw EngineException.Conflict($"External task '{taskId}' cannot be {action} by worker '{workerId}': the answer is for an earlier delivery (lock token '{token}'), the task has been handed out again or released since");
        }
        else if (task.WorkerId != workerId)
        {
            throw EngineException.Invalid(task.WorkerId is null
                ? $"External task '{taskId}' cannot be {action} by worker '{workerId}': it is not locked"
                : $"External task '{taskId}' cannot be {action} by worker '{workerId}': it is locked by worker '{task.WorkerId}'");
        }
        if (task.LockExpiration is null || task.LockExpiration <= now)
            throw EngineException.Invalid($"External task '{taskId}' cannot be {action} by worker '{workerId}': its lock expired at {task.LockExpiration:O}");
        return task;
    }

    /// <summary>
    /// Tells an unknown task from one that was finished already, so a duplicate answer reads as such; at history level
    /// <see cref="HistoryLevel.None"/> nothing tells them apart.
    /// </summary>
    private async Task<EngineException> GoneAsync(BpmDbContext db, string taskId, CancellationToken cancellationToken)
    {
        if (options.History == HistoryLevel.None)
            return EngineException.NotFound($"External task with id '{taskId}' does not exist or has ended (history level None keeps no ended tasks)");
        var ended = await db.ActivityInstances.AsNoTracking()
            .Where(a => a.Id == taskId && a.EndTime != null)
            .Select(a => new { a.EndTime, a.Canceled })
            .SingleOrDefaultAsync(cancellationToken);
        if (ended is null) return NotFound(taskId);
        return EngineException.Conflict(ended.Canceled
            ? $"External task '{taskId}' was canceled at {ended.EndTime:O}; the answer is not applied"
            : $"External task '{taskId}' was already completed at {ended.EndTime:O}; a second answer is not applied");
    }

    private static void RaiseIncident(BpmDbContext db, ExternalTaskRow task, DateTime now) =>
        db.Incidents.Add(new IncidentRow
        {
            Id = Guid.NewGuid().ToString(),
            IncidentType = IncidentTypes.FailedExternalTask,
            Message = task.ErrorMessage ?? "The external task failed and has no retries left",
            ProcessInstanceId = task.ProcessInstanceId,
            DefinitionId = task.DefinitionId,
            ActivityId = task.ActivityId,
            Configuration = task.Id,
            Timestamp = now,
        });

    private static JsonObject VariablesFor(ProcessInstance instance, string taskId, FetchTopic topic)
    {
        var token = instance.FindToken(taskId);
        if (token is null) return [];
        var visible = topic.LocalVariables ? (JsonObject?)token.Variables?.DeepClone() ?? [] : ProcessVariables.Visible(instance, token);
        if (topic.Variables is null) return visible;
        var wanted = new JsonObject();
        foreach (var name in topic.Variables)
        {
            if (visible.TryGetPropertyValue(name, out var value)) wanted[name] = value?.DeepClone();
        }
        return wanted;
    }

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];

    private static EngineException NotFound(string taskId) => EngineException.NotFound($"External task with id '{taskId}' does not exist");
}
