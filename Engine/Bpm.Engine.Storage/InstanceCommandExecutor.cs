using Bpm.Engine.Errors;
using Bpm.Engine.Model;
using Bpm.Engine.Runtime;
using Bpm.Engine.Runtime.Effects;
using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Storage;

/// <summary>
/// Runs one command against one process instance in one transaction: load the instance, let the runtime
/// change it, write the instance and every effect, commit. When another command changed the instance in the
/// meantime (optimistic concurrency), the whole command runs again on the new state.
/// </summary>
public sealed class InstanceCommandExecutor(IDbContextFactory<BpmDbContext> contexts, DefinitionCache definitions, TaskAvailability availability)
{
    private const int MaxAttempts = 8;

    public delegate CommandResult InstanceCommand(ProcessDefinition definition, ProcessInstance instance);

    public Task<CommandResult> ExecuteAsync(string instanceId, InstanceCommand command, CancellationToken cancellationToken) =>
        ExecuteAsync((_, _) => Task.FromResult(instanceId), command, cancellationToken);

    /// <param name="locate">
    /// Runs first in the same transaction and names the instance: checks and row changes besides the instance
    /// (a task's lock, say) belong here.
    /// </param>
    public async Task<CommandResult> ExecuteAsync(
        Func<BpmDbContext, CancellationToken, Task<string>> locate,
        InstanceCommand command,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var instanceId = await locate(db, cancellationToken);
                var row = await db.ProcessInstances.SingleOrDefaultAsync(p => p.Id == instanceId, cancellationToken)
                    ?? throw EngineException.NotFound($"Process instance with id '{instanceId}' does not exist");
                var instance = InstanceDocument.Read(row.Document);
                if (instance.IsEnded) throw EngineException.Conflict($"Process instance '{instanceId}' has already ended");
                var definition = await definitions.GetAsync(db, row.DefinitionId, cancellationToken);
                var result = command(definition, instance);
                await EffectWriter.ApplyAsync(db, row, result, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                NotifyNewTasks(result);
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>Stores a new instance started by <paramref name="result"/> in one transaction.</summary>
    public async Task InsertAsync(CommandResult result, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AddAsync(db, result, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        NotifyNewTasks(result);
    }

    /// <summary>Adds a new instance and its effects to a unit of work the caller saves and commits (then calls <see cref="NotifyNewTasks"/>).</summary>
    public static async Task AddAsync(BpmDbContext db, CommandResult result, CancellationToken cancellationToken)
    {
        var instance = result.Instance;
        var row = new ProcessInstanceRow
        {
            Id = instance.Id,
            DefinitionId = instance.DefinitionId,
            DefinitionKey = instance.DefinitionKey,
            BusinessKey = instance.BusinessKey,
            State = InstanceDocument.StateName(instance.State),
            StartTime = instance.StartTime.UtcDateTime,
            Document = "",
            Revision = 0,
        };
        db.ProcessInstances.Add(row);
        await EffectWriter.ApplyAsync(db, row, result, cancellationToken);
    }

    public void NotifyNewTasks(CommandResult result)
    {
        foreach (var created in result.Effects.OfType<ExternalTaskCreated>()) availability.Notify(created.Topic);
    }
}
