using System.Text.Json;
using System.Threading.Channels;
using Bpm.Engine.Storage;
using Npgsql;

namespace Bpm.Engine.Host.Live;

/// <summary>
/// Carries user task changes between the engine nodes sharing one PostgreSQL database, so that a tasklist connected
/// to any node hears what every node committed: this node's changes go out with <c>NOTIFY</c> on
/// <see cref="Channel"/>, the other nodes' come in through a connection that <c>LISTEN</c>s and go to this node's
/// connections as if committed here.
/// </summary>
/// <remarks>
/// A change is sent after its commit, as it is told on its own node. The changes committed within
/// <see cref="Gather"/> of each other go out together, as many to a notification as its size allows: every
/// notification wakes every node's listening connection, so a busy tasklist costs the server one per batch
/// rather than one per change. A change whose text alone exceeds PostgreSQL's notification limit (thousands of
/// candidates) stays on its node, logged. While the listening connection is down (the database restarting) changes
/// of other nodes are missed; it connects again every few seconds.
/// </remarks>
public sealed class TaskChangeRelay(
    UserTaskChanges changes, TaskNotifier notifier, StorageOptions storage, TimeProvider time, ILogger<TaskChangeRelay> logger)
    : BackgroundService
{
    public const string Channel = "bpm_task_changes";
    private const int MaxPayloadBytes = 7900;
    private const int MaxBatch = 100;
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The sending connections' pool, apart from the listening connection's: they leave no session state behind, so
    /// they skip the driver's reset when taken again, which the listening one, should it return to a pool, needs.
    /// </summary>
    private readonly string _sending = PostgreSqlConnectionDefaults.Apply(storage.ConnectionString);

    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly Channel<UserTaskChange> _outgoing = System.Threading.Channels.Channel.CreateBounded<UserTaskChange>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = changes.Subscribe(change => _outgoing.Writer.TryWrite(change));
        try
        {
            await Task.WhenAll(SendAsync(stoppingToken), ListenAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The node is stopping.
        }
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        while (await _outgoing.Reader.WaitToReadAsync(stoppingToken))
        {
            await Task.Delay(Gather, time, stoppingToken);
            var batch = new List<UserTaskChange>();
            while (batch.Count < MaxBatch && _outgoing.Reader.TryRead(out var change)) batch.Add(change);
            var payloads = Payloads(batch);
            if (payloads.Count == 0) continue;
            try
            {
                await using var connection = new NpgsqlConnection(_sending);
                await connection.OpenAsync(stoppingToken);
                await using var notify = new NpgsqlBatch(connection);
                foreach (var payload in payloads)
                    notify.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_notify(@channel, @payload)") { Parameters = { new("channel", Channel), new("payload", payload) } });
                await notify.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not tell the other nodes of {Count} task changes", batch.Count);
            }
        }
    }

    /// <summary>This node's id, a colon and a JSON array of changes, as many to a notification as fit.</summary>
    private List<string> Payloads(List<UserTaskChange> batch)
    {
        var payloads = new List<string>();
        var prefix = _node + ":[";
        var pending = new List<string>();
        var size = prefix.Length + 1;
        foreach (var change in batch)
        {
            var json = JsonSerializer.Serialize(change);
            var bytes = System.Text.Encoding.UTF8.GetByteCount(json) + 1;
            if (prefix.Length + 1 + bytes > MaxPayloadBytes)
            {
                logger.LogWarning("Task {TaskId} ({Kind}) is told only on this node: its change is too large for a notification", change.TaskId, change.Kind);
                continue;
            }
            if (size + bytes > MaxPayloadBytes)
            {
                payloads.Add(prefix + string.Join(',', pending) + "]");
                (pending, size) = ([], prefix.Length + 1);
            }
            pending.Add(json);
            size += bytes;
        }
        if (pending.Count > 0) payloads.Add(prefix + string.Join(',', pending) + "]");
        return payloads;
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(storage.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection)) await listen.ExecuteNonQueryAsync(stoppingToken);
                logger.LogInformation("Listening for the other nodes' task changes");
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Lost the connection that hears the other nodes' task changes; trying again in {Delay}", Reconnect);
                await Task.Delay(Reconnect, stoppingToken);
            }
        }
    }

    /// <summary>
    /// A notification is the sending node's id, a colon and its changes: a JSON array, or one change as a JSON object
    /// (as nodes of earlier versions send them). This node's own are passed over unread.
    /// </summary>
    private void Receive(string payload)
    {
        var separator = payload.IndexOf(':');
        if (separator < 0 || payload.AsSpan(0, separator).SequenceEqual(_node)) return;
        try
        {
            var text = payload.AsSpan(separator + 1);
            var received = text.TrimStart().StartsWith("[")
                ? JsonSerializer.Deserialize<List<UserTaskChange>>(text) ?? []
                : JsonSerializer.Deserialize<UserTaskChange>(text) is { } one ? [one] : [];
            foreach (var change in received) notifier.Tell(change);
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "Ignored a task change notification that is not one");
        }
    }
}
