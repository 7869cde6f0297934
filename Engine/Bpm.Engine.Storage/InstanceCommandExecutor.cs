using Bpm.Engine.Errors;
using Bpm.Engine.Model;
using Bpm.Engine.Runtime;
using Bpm.Engine.Runtime.Effects;
using Bpm.Engine.Storage.Entities;
using Bpm.Engine.Storage.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bpm.Engine.Storage;

/// <summary>
/// Runs one command against one process instance in one transaction: load the instance, let the runtime
/// change it, write the instance and every effect, commit. When another command changed the instance in the
/// meantime (optimistic concurrency), the whole command runs again on the new state.
/// </summary>
public sealed class InstanceCommandExecutor(
    IDbContextFactory<BpmDbContext> contexts,
    StorageOptions storage,
    DefinitionCache definitions,
    TaskAvailability availability,
    ProcessRuntime runtime,
    EngineMetrics metrics,
    UserTaskChanges taskChanges,
    LockedTaskMemory lockedTasks)
{
    private const int MaxAttempts = 8;

    public delegate CommandResult InstanceCommand(ProcessDefinition definition, ProcessInstance instance);

    /// <summary>Reads what a start needs in the transaction that stores the new instance, and gives the instance to store.</summary>
    internal delegate Task<CommandResult> StartCommand(BpmDbContext db, LatestDefinitions latest, CancellationToken cancellationToken);

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
                var row = await LoadAsync(db, await locate(db, cancellationToken), cancellationToken);
                var result = await RunAsync(db, row, command, cancellationToken);
                var work = NewWork();
                await ApplyAsync(db, row, result, work, cancellationToken);
                await CommitAsync(db, transaction, cancellationToken);
                AfterCommit(work);
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Runs commands against several distinct instances in one transaction: one query loads them, one
    /// round trip writes them (on PostgreSQL, see <see cref="PostgreSqlBulkWriter"/>), one commit
    /// makes them durable. All or nothing: when any instance is missing,
    /// ended or changed meanwhile, or a command fails or reaches another instance (a call activity), nothing
    /// is written and the caller runs the commands one by one, where each such case has its own answer.
    /// </summary>
    /// <param name="claim">
    /// Runs first in the transaction and gives the command of each instance; null when what the commands need is
    /// gone (a job taken over). Given no command, the batch writes nothing.
    /// </param>
    /// <returns>Whether the batch was applied.</returns>
    public async Task<bool> TryExecuteBatchAsync(
        Func<BpmDbContext, CancellationToken, Task<IReadOnlyDictionary<string, InstanceCommand>?>> claim,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var commands = await claim(db, cancellationToken);
            if (commands is null) return false;
            if (commands.Count == 0) return true;
            var ids = commands.Keys.ToList();
            var rows = await db.ProcessInstances.Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
            if (rows.Count != ids.Count) return false;
            var results = new List<(ProcessInstanceRow Row, CommandResult Result)>(rows.Count);
            foreach (var row in rows)
            {
                var result = await RunAsync(db, row, commands[row.Id], cancellationToken);
                if (result.Effects.Any(e => ReachesAnotherInstance(e, result.Instance))) return false;
                results.Add((row, result));
            }
            var work = NewWork();
            foreach (var (row, result) in results) await ApplyAsync(db, row, result, work, cancellationToken);
            await CommitAsync(db, transaction, cancellationToken);
            AfterCommit(work);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Each command again on its own: its failure, if any, then lands where it belongs.
            return false;
        }
    }

    /// <summary>
    /// Writes a transaction of one or many commands and commits it: on PostgreSQL the instances, their external tasks
    /// and their history in one round trip with the commit (<see cref="PostgreSqlBulkWriter"/>), the rest of the unit
    /// of work, if any, by <c>SaveChanges</c>.
    /// </summary>
    /// <param name="latest">The latest versions the transaction's starts took: those assumed are checked with the writes.</param>
    internal async Task CommitAsync(BpmDbContext db, IDbContextTransaction transaction, CancellationToken cancellationToken, LatestDefinitions? latest = null)
    {
        if (storage.Provider == DatabaseProvider.PostgreSql && await PostgreSqlBulkWriter.WriteAsync(db, latest?.Assumed ?? [], cancellationToken)) return;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The instance's row: tracked already when its transaction read it before (a group of completions), else read now.</summary>
    internal static async Task<ProcessInstanceRow> LoadAsync(BpmDbContext db, string instanceId, CancellationToken cancellationToken) =>
        await db.ProcessInstances.FindAsync([instanceId], cancellationToken)
            ?? throw EngineException.NotFound($"Process instance with id '{instanceId}' does not exist");

    /// <summary>Lets the runtime run <paramref name="command"/> on the stored instance; an ended one refuses.</summary>
    internal async Task<CommandResult> RunAsync(BpmDbContext db, ProcessInstanceRow row, InstanceCommand command, CancellationToken cancellationToken)
    {
        var instance = InstanceDocument.Read(row);
        if (instance.IsEnded) throw EngineException.Conflict($"Process instance '{row.Id}' has already ended");
        return command(await definitions.GetAsync(db, row.DefinitionId, cancellationToken), instance);
    }

    internal static bool ReachesAnotherInstance(RuntimeEffect effect, ProcessInstance instance) => effect switch
    {
        ChildInstanceRequested or ChildInstanceCancelled or ErrorThrownToCaller or EscalationThrownToCaller => true,
        InstanceEnded => instance.SuperInstanceId is not null,
        _ => false,
    };

    /// <summary>Starts a new instance and stores it in one transaction, reading the latest version it names.</summary>
    /// <param name="memory">Where to remember the latest version read.</param>
    internal async Task<CommandResult> StartAsync(StartCommand start, LatestDefinitionMemory? memory, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await start(db, new LatestDefinitions(db, memory), cancellationToken);
        var work = await AddAsync(db, result, cancellationToken);
        await CommitAsync(db, transaction, cancellationToken);
        AfterCommit(work);
        return result;
    }

    /// <summary>
    /// Adds a new instance and its effects to a unit of work the caller saves and commits (then hands the work
    /// returned to <see cref="AfterCommit"/>).
    /// </summary>
    public async Task<CommittedWork> AddAsync(BpmDbContext db, CommandResult result, CancellationToken cancellationToken)
    {
        var work = NewWork();
        await AddAsync(db, result, work, cancellationToken);
        return work;
    }

    internal CommittedWork NewWork() => new() { TaskChanges = taskChanges.Observed ? [] : null };

    internal async Task AddAsync(BpmDbContext db, CommandResult result, CommittedWork work, CancellationToken cancellationToken)
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
            SuperProcessInstanceId = instance.SuperInstanceId,
        };
        db.ProcessInstances.Add(row);
        await ApplyAsync(db, row, result, work, cancellationToken);
    }

    /// <summary>
    /// Writes a result and everything it sets off in the same transaction: instances its call activities
    /// start, called instances they cancel, and callers that a called instance returns to or throws at.
    /// </summary>
    internal async Task ApplyAsync(BpmDbContext db, ProcessInstanceRow row, CommandResult result, CommittedWork work, CancellationToken cancellationToken)
    {
        work.Results.Add(result);
        await EffectWriter.ApplyAsync(db, row, result, work, storage.History, cancellationToken);
        var instance = result.Instance;
        foreach (var effect in result.Effects)
        {
            switch (effect)
            {
                case ChildInstanceRequested call:
                    var calledId = await CalledDefinitionAsync(db, instance.DefinitionId, call, cancellationToken);
                    var called = await definitions.GetAsync(db, calledId, cancellationToken);
                    await AddAsync(db, runtime.StartCalled(called, calledId, call.ChildInstanceId, call.BusinessKey, call.Variables, instance.Id, call.TokenId), work, cancellationToken);
                    break;
                case ChildInstanceCancelled cancelled:
                    await CascadeAsync(db, cancelled.ChildInstanceId, work,
                        (definition, child) => child.IsEnded ? null : runtime.Cancel(definition, child, externally: false), cancellationToken);
                    break;
                case InstanceEnded { State: InstanceState.Completed } when instance.SuperInstanceId is not null:
                    await CascadeAsync(db, instance.SuperInstanceId, work,
                        (definition, caller) => runtime.ReturnFromCall(definition, caller, instance.SuperTokenId!, instance.Variables), cancellationToken);
                    break;
                case EscalationThrownToCaller escalation when instance.SuperInstanceId is not null:
                    await CascadeAsync(db, instance.SuperInstanceId, work,
                        (definition, caller) => caller.IsEnded ? null : runtime.EscalateFromCall(definition, caller, instance.SuperTokenId!, escalation.EscalationCode), cancellationToken);
                    break;
                case ErrorThrownToCaller error when instance.SuperInstanceId is not null:
                    await CascadeAsync(db, instance.SuperInstanceId, work,
                        (definition, caller) => runtime.ThrowFromCall(definition, caller, instance.SuperTokenId!, error.ErrorCode, error.ErrorMessage), cancellationToken);
                    break;
            }
        }
    }

    private async Task CascadeAsync(
        BpmDbContext db, string instanceId, CommittedWork work, Func<ProcessDefinition, ProcessInstance, CommandResult?> command, CancellationToken cancellationToken)
    {
        var row = await db.ProcessInstances.FindAsync([instanceId], cancellationToken)
            ?? throw new InvalidOperationException($"Process instance '{instanceId}' of a call is missing");
        var definition = await definitions.GetAsync(db, row.DefinitionId, cancellationToken);
        var result = command(definition, InstanceDocument.Read(row));
        if (result is not null) await ApplyAsync(db, row, result, work, cancellationToken);
    }

    /// <summary>The version a call activity calls: the latest, the one deployed with the caller, or a fixed one.</summary>
    private static async Task<string> CalledDefinitionAsync(BpmDbContext db, string callerDefinitionId, ChildInstanceRequested call, CancellationToken cancellationToken)
    {
        var candidates = db.ProcessDefinitions.AsNoTracking().Where(d => d.Key == call.ProcessKey);
        if (call.Binding == "version") candidates = candidates.Where(d => d.Version == call.Version);
        if (call.Binding == "deployment")
        {
            var deploymentId = await db.ProcessDefinitions.Where(d => d.Id == callerDefinitionId).Select(d => d.DeploymentId).SingleAsync(cancellationToken);
            candidates = candidates.Where(d => d.DeploymentId == deploymentId);
        }
        return await candidates.OrderByDescending(d => d.Version).Select(d => d.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw EngineException.NotFound($"Call activity needs process '{call.ProcessKey}' ({call.Binding}{(call.Version is null ? "" : $" {call.Version}")}), which is not deployed");
    }

    /// <summary>
    /// After a commit: counts what the commands did, wakes fetchers waiting for the new tasks' topics, tells
    /// listeners of the user tasks that appeared or ended, and forgets the rows fetches read of the instances written.
    /// </summary>
    public void AfterCommit(CommittedWork work)
    {
        lockedTasks.ForgetInstances(work.Results.Select(r => r.Instance.Id));
        foreach (var result in work.Results) metrics.Committed(result);
        foreach (var created in work.Results.SelectMany(r => r.Effects.OfType<ExternalTaskCreated>()).CountBy(c => c.Topic))
            availability.Notify(created.Key, created.Value);
        if (work.TaskChanges is { Count: > 0 } changes) taskChanges.Publish(changes);
    }
}
