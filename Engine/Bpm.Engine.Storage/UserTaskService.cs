using System.Text.Json.Nodes;
using Bpm.Engine.Errors;
using Bpm.Engine.Runtime;
using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Storage;

/// <summary>Claims, unclaims, updates and completes user tasks; who holds a task and its dates are told to listeners after the commit.</summary>
public sealed class UserTaskService(
    IDbContextFactory<BpmDbContext> contexts, StorageOptions storage, InstanceCommandExecutor executor, ProcessRuntime runtime, UserTaskChanges changes)
{
    public async Task<UserTaskRow> GetAsync(string taskId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.UserTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken) ?? throw NotFound(taskId);
    }

    /// <summary>Assigns the task to <paramref name="userId"/>, unless someone else holds it already; claiming a task one holds changes nothing.</summary>
    /// <remarks>One conditional update, so of two concurrent claims exactly one wins.</remarks>
    public async Task ClaimAsync(string taskId, string? userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userId)) throw EngineException.Invalid("userId is required to claim a task");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var change = storage.Provider == DatabaseProvider.PostgreSql
            ? await UserTaskClaimQuery.ClaimAsync(db, taskId, userId, cancellationToken)
            : await ClaimOnSqliteAsync(db, taskId, userId, cancellationToken);
        if (change is not null)
        {
            if (changes.Observed) changes.Publish([change]);
            return;
        }
        var holder = await db.UserTasks.Where(t => t.Id == taskId).Select(t => new { t.Assignee }).SingleOrDefaultAsync(cancellationToken)
            ?? throw NotFound(taskId);
        if (holder.Assignee != userId) throw EngineException.Conflict($"Cannot claim task '{taskId}': it is already claimed by '{holder.Assignee}'");
    }

    /// <summary>The claim as a read and a conditional update: read first, so that telling listeners afterwards cannot fail a claim that was made.</summary>
    private static async Task<UserTaskChange?> ClaimOnSqliteAsync(BpmDbContext db, string taskId, string userId, CancellationToken cancellationToken)
    {
        var before = (await StoredUserTask.ReadAsync(db, [taskId], cancellationToken)).SingleOrDefault();
        if (before is null) return null;
        var claimed = await db.UserTasks
            .Where(t => t.Id == taskId && t.Assignee == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.Assignee, userId), cancellationToken);
        return claimed == 1 ? Change(UserTaskChange.Assigned, before.Task, userId, null, before.Candidates) : null;
    }

    public Task UnclaimAsync(string taskId, CancellationToken cancellationToken) =>
        UpdateAsync(taskId, UserTaskChange.Assigned, cancellationToken, task => task.Assignee = null);

    public Task SetAssigneeAsync(string taskId, string? userId, CancellationToken cancellationToken) =>
        UpdateAsync(taskId, UserTaskChange.Assigned, cancellationToken, task => task.Assignee = string.IsNullOrWhiteSpace(userId) ? null : userId);

    /// <summary>Sets the task's name, assignee, due and follow-up dates and priority, as Camunda's <c>PUT /task/{id}</c> does.</summary>
    public Task UpdateAsync(string taskId, UserTaskFields fields, CancellationToken cancellationToken) =>
        UpdateAsync(taskId, UserTaskChange.Updated, cancellationToken, task =>
        {
            task.Name = fields.Name;
            task.Assignee = string.IsNullOrWhiteSpace(fields.Assignee) ? null : fields.Assignee;
            task.Due = fields.Due?.UtcDateTime;
            task.FollowUp = fields.FollowUp?.UtcDateTime;
            task.Priority = fields.Priority;
        });

    public async Task<ProcessInstance> CompleteAsync(string taskId, JsonObject? variables, CancellationToken cancellationToken)
    {
        var result = await executor.ExecuteAsync(
            async (db, ct) =>
            {
                var stored = await ToComplete(db, taskId, ct) ?? throw NotFound(taskId);
                if (stored.Task.Suspended) throw EngineException.Invalid($"Task '{taskId}' is suspended");
                return stored.Task.ProcessInstanceId;
            },
            (definition, instance) => runtime.CompleteTask(definition, instance, taskId, variables),
            cancellationToken);
        return result.Instance;
    }

    /// <summary>
    /// The task to complete, tracked with its candidates and its instance, in one query: the completion deletes the
    /// candidates in the transaction's batch of writes and tells whom the task concerned without reading it again, and
    /// finds the instance tracked when it loads it. Compiled once, so that a completion does not build and look up the
    /// query's expression each time.
    /// </summary>
    private static readonly Func<BpmDbContext, string, CancellationToken, Task<StoredCompletion?>> ToComplete =
        EF.CompileAsyncQuery((BpmDbContext db, string taskId, CancellationToken _) => (
                from t in db.UserTasks
                where t.Id == taskId
                join p in db.ProcessInstances on t.ProcessInstanceId equals p.Id
                select new StoredCompletion(t, p, db.UserTaskCandidates.Where(c => c.TaskId == t.Id).ToList()))
            .SingleOrDefault());

    private sealed record StoredCompletion(UserTaskRow Task, ProcessInstanceRow Instance, List<UserTaskCandidateRow> Candidates);

    private async Task UpdateAsync(string taskId, string kind, CancellationToken cancellationToken, Action<UserTaskRow> change)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var task = await db.UserTasks.SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken) ?? throw NotFound(taskId);
        var previousAssignee = task.Assignee;
        var candidates = changes.Observed ? await CandidatesAsync(db, taskId, cancellationToken) : null;
        change(task);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (candidates is not null) changes.Publish([Change(kind, task, task.Assignee, previousAssignee, candidates)]);
    }

    private static Task<List<UserTaskCandidateRow>> CandidatesAsync(BpmDbContext db, string taskId, CancellationToken cancellationToken) =>
        db.UserTaskCandidates.AsNoTracking().Where(c => c.TaskId == taskId).ToListAsync(cancellationToken);

    private static UserTaskChange Change(string kind, UserTaskRow task, string? assignee, string? previousAssignee, List<UserTaskCandidateRow> candidates) =>
        UserTaskChange.Of(kind, task.Id, task.ProcessInstanceId, task.DefinitionKey, task.Name, assignee, candidates,
            previousAssignee == assignee ? null : previousAssignee);

    private static EngineException NotFound(string taskId) => EngineException.NotFound($"Task with id '{taskId}' does not exist");
}
