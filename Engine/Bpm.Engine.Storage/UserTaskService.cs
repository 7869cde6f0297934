using System.Text.Json.Nodes;
using Bpm.Engine.Errors;
using Bpm.Engine.Runtime;
using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Storage;

/// <summary>Claims, unclaims and completes user tasks.</summary>
public sealed class UserTaskService(IDbContextFactory<BpmDbContext> contexts, InstanceCommandExecutor executor, ProcessRuntime runtime)
{
    public async Task<UserTaskRow> GetAsync(string taskId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.UserTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken) ?? throw NotFound(taskId);
    }

    /// <summary>Assigns the task to <paramref name="userId"/>, unless someone else holds it already.</summary>
    /// <remarks>One conditional update, so of two concurrent claims exactly one wins.</remarks>
    public async Task ClaimAsync(string taskId, string? userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userId)) throw EngineException.Invalid("userId is required to claim a task");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claimed = await db.UserTasks
            .Where(t => t.Id == taskId && (t.Assignee == null || t.Assignee == userId))
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.Assignee, userId), cancellationToken);
        if (claimed == 1) return;
        var holder = await db.UserTasks.Where(t => t.Id == taskId).Select(t => new { t.Assignee }).SingleOrDefaultAsync(cancellationToken)
            ?? throw NotFound(taskId);
        throw EngineException.Conflict($"Cannot claim task '{taskId}': it is already claimed by '{holder.Assignee}'");
    }

    public Task UnclaimAsync(string taskId, CancellationToken cancellationToken) =>
        UpdateAsync(taskId, cancellationToken, task => task.Assignee = null);

    public Task SetAssigneeAsync(string taskId, string? userId, CancellationToken cancellationToken) =>
        UpdateAsync(taskId, cancellationToken, task => task.Assignee = string.IsNullOrWhiteSpace(userId) ? null : userId);

    public async Task<ProcessInstance> CompleteAsync(string taskId, JsonObject? variables, CancellationToken cancellationToken)
    {
        var result = await executor.ExecuteAsync(
            async (db, ct) =>
            {
                var task = await db.UserTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, ct) ?? throw NotFound(taskId);
                if (task.Suspended) throw EngineException.Invalid($"Task '{taskId}' is suspended");
                return task.ProcessInstanceId;
            },
            (definition, instance) => runtime.CompleteTask(definition, instance, taskId, variables),
            cancellationToken);
        return result.Instance;
    }

    private async Task UpdateAsync(string taskId, CancellationToken cancellationToken, Action<UserTaskRow> change)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var task = await db.UserTasks.SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken) ?? throw NotFound(taskId);
        change(task);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static EngineException NotFound(string taskId) => EngineException.NotFound($"Task with id '{taskId}' does not exist");
}
