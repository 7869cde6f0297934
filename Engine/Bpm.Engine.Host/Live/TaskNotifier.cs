using System.Threading.Channels;
using Bpm.Contracts.Live;
using Bpm.Engine.Host.Infrastructure;
using Bpm.Engine.Storage;
using Microsoft.AspNetCore.SignalR;

namespace Bpm.Engine.Host.Live;

/// <summary>
/// Sends the user task changes this node committed, and those other nodes committed (through
/// <see cref="TaskChangeRelay"/>), to the hub's connections whose callers may see them, once each.
/// It listens to the store only while someone is connected, so that nobody pays for changes no one hears; a queue
/// keeps commands from waiting on slow connections (when it overflows, the oldest changes are dropped).
/// </summary>
public sealed class TaskNotifier(UserTaskChanges changes, IHubContext<TaskHub> hub, ILogger<TaskNotifier> logger) : BackgroundService
{
    private readonly Channel<UserTaskChange> _queue = Channel.CreateBounded<UserTaskChange>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly Dictionary<string, CallingUser?> _connections = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private IDisposable? _subscription;

    public void Joined(string connectionId, CallingUser? caller)
    {
        lock (_gate)
        {
            _connections[connectionId] = caller;
            _subscription ??= changes.Subscribe(change => _queue.Writer.TryWrite(change));
        }
    }

    public void Left(string connectionId)
    {
        lock (_gate)
        {
            if (!_connections.Remove(connectionId) || _connections.Count > 0) return;
            _subscription?.Dispose();
            _subscription = null;
        }
    }

    /// <summary>A change another node committed, for this node's connections.</summary>
    public void Tell(UserTaskChange change)
    {
        lock (_gate)
        {
            if (_connections.Count > 0) _queue.Writer.TryWrite(change);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var change in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            List<string> audience;
            lock (_gate) audience = _connections.Where(c => TaskAudience.Includes(c.Value, change)).Select(c => c.Key).ToList();
            if (audience.Count == 0) continue;
            var message = new TaskChangedDto(change.Kind, change.TaskId, change.ProcessInstanceId, change.ProcessDefinitionKey, change.TaskName, change.Assignee);
            try
            {
                await hub.Clients.Clients(audience).SendAsync(TaskHubContract.TaskChanged, message, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not tell connected tasklists that task {TaskId} was {Kind}", change.TaskId, change.Kind);
            }
        }
    }

    public override void Dispose()
    {
        lock (_gate) _subscription?.Dispose();
        base.Dispose();
    }
}
