using System.Threading.Channels;
using Bpm.Engine.Errors;
using Bpm.Engine.Runtime;
using Bpm.Engine.Storage.Entities;
using Bpm.Engine.Storage.Telemetry;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Bpm.Engine.Storage;

/// <summary>
/// Group commit: commands that arrive while others are being written share one transaction (one commit and, on
/// PostgreSQL, one round trip of writes) instead of one each. No command waits for a timer: what is queued when a
/// writer is free goes into its next transaction, so a lone command runs at once, as a group of one.
/// </summary>
/// <remarks>
/// A command refused by its own checks (a stale lock, an ended instance) gets its refusal and the group goes on
/// without it. A command whose instance is already in the group, or whose result reaches another instance (a call
/// activity), runs on its own after the group commits. When the group cannot be written whole (a concurrent change,
/// a database error), nothing of it is written and each of its commands runs again on its own, where its own result
/// or error goes back to its caller. One caller's cancellation never aborts the others' transaction; a caller
/// cancelled before its command is taken gets a cancellation.
/// </remarks>
public sealed class InstanceCommandGroups : IAsyncDisposable
{
    private readonly IDbContextFactory<BpmDbContext> _contexts;
    private readonly InstanceCommandExecutor _executor;
    private readonly EngineMetrics _metrics;
    private readonly int _maxGroup;
    private readonly LatestDefinitionMemory? _latest;
    private readonly LockedTaskMemory _locked;
    private readonly Channel<GroupedCommand> _queue = Channel.CreateUnbounded<GroupedCommand>();
    private readonly Task[] _writers;

    public InstanceCommandGroups(
        IDbContextFactory<BpmDbContext> contexts, InstanceCommandExecutor executor, StorageOptions storage, LockedTaskMemory locked, EngineMetrics metrics)
    {
        _contexts = contexts;
        _locked = locked;
        _executor = executor;
        _metrics = metrics;
        _maxGroup = Math.Max(storage.GroupCommit.MaxGroup, 1);
        _latest = storage.Provider == DatabaseProvider.PostgreSql ? new LatestDefinitionMemory() : null;
        var writers = Math.Max(storage.GroupCommit.Writers, 0);
        if (writers == 0) _queue.Writer.Complete();
        _writers = [.. Enumerable.Range(0, writers).Select(_ => Task.Run(WriteAsync))];
    }

    /// <summary>As <see cref="InstanceCommandExecutor.ExecuteAsync(Func{BpmDbContext, CancellationToken, Task{string}}, InstanceCommandExecutor.InstanceCommand, CancellationToken)"/>, in a group.</summary>
    /// <param name="externalTaskId">The external task the command answers, if any: a group reads all of its tasks and their instances at once.</param>
    public Task<CommandResult> ExecuteAsync(
        Func<BpmDbContext, CancellationToken, Task<string>> locate,
        InstanceCommandExecutor.InstanceCommand command,
        string? externalTaskId,
        CancellationToken cancellationToken) =>
        Enqueue(new GroupedChange(locate, command, externalTaskId, cancellationToken));

    /// <summary>
    /// As <see cref="InstanceCommandExecutor.StartAsync"/>, in a group: the starts of a group share its transaction's
    /// <see cref="LatestDefinitions"/>, which on PostgreSQL takes the latest version of a key from memory and has the
    /// group's writes check it.
    /// </summary>
    internal Task<CommandResult> StartAsync(InstanceCommandExecutor.StartCommand start, CancellationToken cancellationToken) =>
        Enqueue(new GroupedStart(start, _latest, cancellationToken));

    private Task<CommandResult> Enqueue(GroupedCommand command) =>
        _queue.Writer.TryWrite(command) ? command.Result.Task : command.AloneAsync(_executor);

    private async Task WriteAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            var group = new List<GroupedCommand>();
            while (group.Count < _maxGroup && reader.TryRead(out var command))
            {
                if (command.CancellationToken.IsCancellationRequested) command.Result.TrySetCanceled(command.CancellationToken);
                else group.Add(command);
            }
            try
            {
                if (group.Count > 0) await WriteTogetherAsync(group);
            }
            catch (Exception e)
            {
                // Both paths answer every command themselves; should one still throw, its callers hear of it and
                // the writer goes on.
                foreach (var command in group) command.Result.TrySetException(e);
            }
        }
    }

    private async Task WriteTogetherAsync(List<GroupedCommand> group)
    {
        var alone = new List<GroupedCommand>();
        var staged = new List<(GroupedCommand Command, ProcessInstanceRow? Row, CommandResult Result)>();
        CommittedWork? work = null;
        try
        {
            await using var db = await _contexts.CreateDbContextAsync(CancellationToken.None);
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            var recalled = await PreloadAsync(db, [.. group.OfType<GroupedChange>().Select(c => c.ExternalTaskId).OfType<string>().Distinct()], _locked, CancellationToken.None);
            var instances = new HashSet<string>(StringComparer.Ordinal);
            var latest = new LatestDefinitions(db, _latest, recall: true);
            foreach (var command in group)
            {
                try
                {
                    if (await command.StageAsync(_executor, db, instances, latest) is { } ready) staged.Add((command, ready.Row, ready.Result));
                    else alone.Add(command);
                }
                catch (EngineException) when (command is GroupedChange { ExternalTaskId: { } taskId } && recalled.Contains(taskId))
                {
                    // Refused on what the fetch read: the answer comes from what is stored now.
                    alone.Add(command);
                }
                catch (EngineException refused)
                {
                    command.Result.TrySetException(refused);
                }
            }
            if (staged.Count > 0)
            {
                var writing = _executor.NewWork();
                foreach (var (_, row, result) in staged)
                {
                    if (row is null) await _executor.AddAsync(db, result, writing, CancellationToken.None);
                    else await _executor.ApplyAsync(db, row, result, writing, CancellationToken.None);
                }
                await _executor.CommitAsync(db, transaction, CancellationToken.None, latest);
                work = writing;
                _metrics.CommandsGrouped(staged.Count);
                if (recalled.Count > 0) _metrics.AnsweredFromFetch(staged.Count(s => s.Command is GroupedChange { ExternalTaskId: { } id } && recalled.Contains(id)));
            }
        }
        catch (Exception)
        {
            // Nothing of the group was written: each command that has no answer yet runs on its own, staged or not.
            alone = [.. group.Where(c => !c.Result.Task.IsCompleted)];
            staged.Clear();
        }
        if (work is not null) _executor.AfterCommit(work);
        foreach (var (command, _, result) in staged) command.Result.TrySetResult(result);
        await Task.WhenAll(alone.Select(AnswerAloneAsync));
    }

    /// <summary>
    /// Reads the external tasks that a group or a lone command answers with their instances, in one query, so that each
    /// command finds them tracked instead of asking the database twice. A group takes those its fetches locked from
    /// <paramref name="memory"/> and reads only the rest.
    /// </summary>
    /// <returns>The tasks taken from <paramref name="memory"/>.</returns>
    /// <remarks>
    /// On PostgreSQL each task is looked up by its key on its own (<c>OFFSET 0</c> keeps the planner from turning the
    /// lookups back into one join). The task table is a queue whose deleted rows outnumber its live ones until vacuum
    /// comes by, and its statistics, counting the live ones, make a scan of the whole table look cheaper to the
    /// planner than the key lookups it is then slower than. The rows come straight from Npgsql's reader, as the lock
    /// statement's do, and are then tracked as unchanged: a group's one query is spared EF's query pipeline.
    /// </remarks>
    private static async Task<HashSet<string>> PreloadAsync(BpmDbContext db, string[] taskIds, LockedTaskMemory? memory, CancellationToken cancellationToken)
    {
        var recalled = new HashSet<string>(StringComparer.Ordinal);
        if (taskIds.Length == 0) return recalled;
        if (!db.Database.IsNpgsql())
        {
            await db.ExternalTasks.Where(t => taskIds.Contains(t.Id))
                .Join(db.ProcessInstances, t => t.ProcessInstanceId, p => p.Id, (t, p) => new { Task = t, Instance = p })
                .LoadAsync(cancellationToken);
            return recalled;
        }
        var instances = new HashSet<string>(StringComparer.Ordinal);
        void Track(ExternalTaskRow task, ProcessInstanceRow? instance)
        {
            db.ExternalTasks.Attach(task);
            if (instance is not null && instances.Add(instance.Id)) db.ProcessInstances.Attach(instance);
        }
        var unread = new List<string>(taskIds.Length);
        foreach (var id in taskIds)
        {
            if (memory?.Take(id) is { } kept)
            {
                Track(kept.Task, kept.Instance);
                recalled.Add(id);
            }
            else
            {
                unread.Add(id);
            }
        }
        if (unread.Count == 0) return recalled;
        await using var command = new NpgsqlCommand(PreloadStatement);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. unread] });
        foreach (var (task, instance) in await TaskWithInstanceReader.ReadAsync(db, command, cancellationToken)) Track(task, instance);
        return recalled;
    }

    private static readonly string PreloadStatement = $"""
        SELECT {string.Join(", ", TaskWithInstanceReader.TaskColumns.Select(c => "t." + c))}, {string.Join(", ", TaskWithInstanceReader.InstanceColumns.Select(c => "p." + c))}
        FROM unnest($1) AS i(id) CROSS JOIN LATERAL (SELECT * FROM bpm_external_task WHERE id = i.id OFFSET 0) AS t
        JOIN bpm_process_instance AS p ON p.id = t.process_instance_id
        """;

    private async Task AnswerAloneAsync(GroupedCommand command)
    {
        try
        {
            command.Result.TrySetResult(await command.AloneAsync(_executor));
            _metrics.CommandsGrouped(1);
        }
        catch (OperationCanceledException) when (command.CancellationToken.IsCancellationRequested)
        {
            command.Result.TrySetCanceled(command.CancellationToken);
        }
        catch (Exception e)
        {
            command.Result.TrySetException(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }

    private abstract class GroupedCommand(CancellationToken cancellationToken)
    {
        public CancellationToken CancellationToken => cancellationToken;

        public TaskCompletionSource<CommandResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>
        /// Runs the command in the group's transaction up to what it would write; null when it has to run on its
        /// own after the group. An <see cref="EngineException"/> is its answer: nothing of it was added to the group.
        /// </summary>
        /// <param name="instances">The instances of the group so far: a command adds its own.</param>
        public abstract Task<(ProcessInstanceRow? Row, CommandResult Result)?> StageAsync(
            InstanceCommandExecutor executor, BpmDbContext db, HashSet<string> instances, LatestDefinitions latest);

        public abstract Task<CommandResult> AloneAsync(InstanceCommandExecutor executor);
    }

    private sealed class GroupedChange(
        Func<BpmDbContext, CancellationToken, Task<string>> locate,
        InstanceCommandExecutor.InstanceCommand command,
        string? externalTaskId,
        CancellationToken cancellationToken) : GroupedCommand(cancellationToken)
    {
        public string? ExternalTaskId => externalTaskId;

        public override async Task<(ProcessInstanceRow? Row, CommandResult Result)?> StageAsync(
            InstanceCommandExecutor executor, BpmDbContext db, HashSet<string> instances, LatestDefinitions latest)
        {
            var instanceId = await locate(db, CancellationToken.None);
            if (!instances.Add(instanceId)) return null;
            var row = await InstanceCommandExecutor.LoadAsync(db, instanceId, CancellationToken.None);
            var result = await executor.RunAsync(db, row, command, CancellationToken.None);
            return result.Effects.Any(e => InstanceCommandExecutor.ReachesAnotherInstance(e, result.Instance)) ? null : (row, result);
        }

        public override Task<CommandResult> AloneAsync(InstanceCommandExecutor executor) => executor.ExecuteAsync(
            async (db, ct) =>
            {
                if (externalTaskId is not null) await PreloadAsync(db, [externalTaskId], memory: null, ct);
                return await locate(db, ct);
            },
            command,
            CancellationToken);
    }

    private sealed class GroupedStart(InstanceCommandExecutor.StartCommand start, LatestDefinitionMemory? latest, CancellationToken cancellationToken)
        : GroupedCommand(cancellationToken)
    {
        public override async Task<(ProcessInstanceRow? Row, CommandResult Result)?> StageAsync(
            InstanceCommandExecutor executor, BpmDbContext db, HashSet<string> instances, LatestDefinitions latest)
        {
            var result = await start(db, latest, CancellationToken.None);
            return instances.Add(result.Instance.Id) ? (null, result) : null;
        }

        public override Task<CommandResult> AloneAsync(InstanceCommandExecutor executor) => executor.StartAsync(start, latest, CancellationToken);
    }
}
