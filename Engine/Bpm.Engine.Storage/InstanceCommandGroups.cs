using System.Threading.Channels;
using Bpm.Engine.Runtime;

namespace Bpm.Engine.Storage;

/// <summary>
/// Group commit: commands on distinct instances that arrive while others are being written share one transaction
/// (one commit and, on PostgreSQL, one statement per table) instead of one each. No command waits for a timer: what
/// is queued when a writer is free goes into its next transaction, so a lone command runs at once. When a group cannot
/// be applied whole (two commands on one instance, a conflict, a failing command, a command reaching another
/// instance), each of its commands runs again on its own, and its own result or error goes back to its caller.
/// </summary>
public sealed class InstanceCommandGroups : IAsyncDisposable
{
    private const int Writers = 4;
    private const int MaxGroup = 64;

    private readonly InstanceCommandExecutor _executor;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly Task[] _writers;

    public InstanceCommandGroups(InstanceCommandExecutor executor)
    {
        _executor = executor;
        _writers = [.. Enumerable.Range(0, Writers).Select(_ => Task.Run(WriteAsync))];
    }

    /// <summary>As <see cref="InstanceCommandExecutor.ExecuteAsync(Func{BpmDbContext, CancellationToken, Task{string}}, InstanceCommandExecutor.InstanceCommand, CancellationToken)"/>, in a group.</summary>
    public Task<CommandResult> ExecuteAsync(
        Func<BpmDbContext, CancellationToken, Task<string>> locate,
        InstanceCommandExecutor.InstanceCommand command,
        CancellationToken cancellationToken)
    {
        var pending = new Pending(locate, command, cancellationToken);
        return _queue.Writer.TryWrite(pending) ? pending.Result.Task : _executor.ExecuteAsync(locate, command, cancellationToken);
    }

    private async Task WriteAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            var group = new List<Pending>();
            while (group.Count < MaxGroup && reader.TryRead(out var pending))
            {
                if (pending.CancellationToken.IsCancellationRequested) pending.Result.TrySetCanceled(pending.CancellationToken);
                else group.Add(pending);
            }
            if (group.Count == 0) continue;
            if (group.Count > 1 && await TryTogetherAsync(group)) continue;
            await Task.WhenAll(group.Select(AloneAsync));
        }
    }

    private async Task<bool> TryTogetherAsync(List<Pending> group)
    {
        var byInstance = new Dictionary<string, Pending>(StringComparer.Ordinal);
        // One caller's cancellation does not abort the others' transaction.
        var results = await _executor.TryExecuteBatchAsync(async (db, ct) =>
        {
            var commands = new Dictionary<string, InstanceCommandExecutor.InstanceCommand>(StringComparer.Ordinal);
            foreach (var pending in group)
            {
                var instanceId = await pending.Locate(db, ct);
                if (!commands.TryAdd(instanceId, pending.Command)) return null;
                byInstance[instanceId] = pending;
            }
            return commands;
        }, CancellationToken.None);
        if (results is null) return false;
        foreach (var (instanceId, result) in results) byInstance[instanceId].Result.TrySetResult(result);
        return true;
    }

    private async Task AloneAsync(Pending pending)
    {
        try
        {
            pending.Result.TrySetResult(await _executor.ExecuteAsync(pending.Locate, pending.Command, pending.CancellationToken));
        }
        catch (OperationCanceledException) when (pending.CancellationToken.IsCancellationRequested)
        {
            pending.Result.TrySetCanceled(pending.CancellationToken);
        }
        catch (Exception e)
        {
            pending.Result.TrySetException(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }

    private sealed record Pending(
        Func<BpmDbContext, CancellationToken, Task<string>> Locate,
        InstanceCommandExecutor.InstanceCommand Command,
        CancellationToken CancellationToken)
    {
        public TaskCompletionSource<CommandResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
