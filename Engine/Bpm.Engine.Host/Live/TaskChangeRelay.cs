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
/// A change is sent after its commit, as it is told on its own node; one whose text exceeds PostgreSQL's
/// notification limit (thousands of candidates) stays on its node, logged. While the listening connection is
/// down (the database restarting) changes of other nodes are missed; it connects again every few seconds.
/// </remarks>
public sealed class TaskChangeRelay(UserTaskChanges changes, TaskNotifier notifier, StorageOptions storage, ILogger<TaskChangeRelay> logger)
    : BackgroundService
{
    public const string Channel = "bpm_task_changes";
    private const int MaxPayloadBytes = 7900;
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(3);

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
            var payloads = new List<string>();
            while (payloads.Count < 100 && _outgoing.Reader.TryRead(out var change))
            {
                var payload = _node + ":" + JsonSerializer.Serialize(change);
                if (System.Text.Encoding.UTF8.GetByteCount(payload) <= MaxPayloadBytes) payloads.Add(payload);
                else logger.LogWarning("Task {TaskId} ({Kind}) is told only on this node: its change is too large for a notification", change.TaskId, change.Kind);
            }
            if (payloads.Count == 0) continue;
            try
            {
                await using var connection = new NpgsqlConnection(storage.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                await using var batch = new NpgsqlBatch(connection);
                foreach (var payload in payloads)
                    batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_notify(@channel, @payload)") { Parameters = { new("channel", Channel), new("payload", payload) } });
                await batch.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not tell the other nodes of {Count} task changes", payloads.Count);
            }
        }
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

    /// <summary>A notification is the sending node's id, a colon and the change; this node's own are passed over unread.</summary>
    private void Receive(string payload)
    {
        var separator = payload.IndexOf(':');
        if (separator < 0 || payload.AsSpan(0, separator).SequenceEqual(_node)) return;
        try
        {
            if (JsonSerializer.Deserialize<UserTaskChange>(payload.AsSpan(separator + 1)) is { } change) notifier.Tell(change);
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "Ignored a task change notification that is not one");
        }
    }
}
