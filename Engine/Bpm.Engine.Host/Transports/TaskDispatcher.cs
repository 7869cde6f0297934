using System.Diagnostics;
using Bpm.Contracts.Workers;
using Bpm.Engine.Storage;
using Bpm.Engine.Storage.Telemetry;

namespace Bpm.Engine.Host.Transports;

/// <summary>
/// The outbox of a message transport. A service task's row is written in the same transaction as the token
/// that waits on it; this loop locks such rows (<c>SKIP LOCKED</c>, so several engine nodes share the work)
/// under a fresh lock token and publishes them. A task whose publish fails, or takes longer than
/// <see cref="TransportOptions.PublishTimeout"/>, is released and tried again;
/// a task whose worker never answers is published again when its lock expires, with a new token, so a late
/// answer to the old delivery is refused.
/// </summary>
public sealed class TaskDispatcher(
    ITaskPublisher publisher,
    ExternalTaskService tasks,
    TaskAvailability availability,
    TransportOptions options,
    ILogger<TaskDispatcher> logger) : BackgroundService
{
    private readonly string _workerId = $"{publisher.Name}@{Environment.MachineName}-{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (publisher.Topics.Count == 0) return;
        var topics = publisher.Topics.Select(t => new FetchTopic(t, (long)options.LockDuration.TotalMilliseconds)).ToList();
        logger.LogInformation("Tasks of {Topics} go to workers over {Transport}", string.Join(", ", publisher.Topics), publisher.Name);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var arrival = availability.Subscribe(publisher.Topics, options.BatchSize);
                var dispatched = await DispatchOnceAsync(topics, stoppingToken);
                failures = 0;
                if (dispatched < options.BatchSize) await arrival.WaitAsync(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                var wait = TimeSpan.FromMilliseconds(Math.Min(30_000, 200 * Math.Pow(2, Math.Min(failures, 8))));
                logger.LogWarning(e, "Dispatching tasks over {Transport} failed; trying again in {Wait}", publisher.Name, wait);
                await Task.Delay(wait, stoppingToken);
            }
        }
    }

    private async Task<int> DispatchOnceAsync(IReadOnlyList<FetchTopic> topics, CancellationToken cancellationToken)
    {
        var locked = await tasks.FetchAndLockAsync(_workerId, options.BatchSize, usePriority: true, topics, cancellationToken);
        if (locked.Count == 0) return 0;
        using var span = EngineTracing.Source.StartActivity($"bpm.dispatch.{publisher.Name}", ActivityKind.Producer);
        span?.SetTag("bpm.tasks.count", locked.Count);
        var messages = locked.Select(Activation).ToList();
        try
        {
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bounded.CancelAfter(options.PublishTimeout);
            // The token stops a publisher that heeds it; waiting on it gives up on one that does not.
            await publisher.PublishAsync(messages, bounded.Token).WaitAsync(bounded.Token);
        }
        catch
        {
            foreach (var message in messages)
                await tasks.ReleaseAsync(message.TaskId, new TaskLockHolder(_workerId, message.LockToken), CancellationToken.None);
            throw;
        }
        return locked.Count;
    }

    private static TaskActivated Activation(LockedTask locked)
    {
        var row = locked.Task;
        return new TaskActivated
        {
            TaskId = row.Id,
            Topic = row.Topic,
            LockToken = row.LockToken!,
            LockExpiration = new DateTimeOffset(row.LockExpiration!.Value, TimeSpan.Zero),
            ProcessInstanceId = row.ProcessInstanceId,
            ProcessDefinitionId = row.DefinitionId,
            ProcessDefinitionKey = row.DefinitionKey,
            ActivityId = row.ActivityId,
            BusinessKey = row.BusinessKey,
            Retries = row.Retries,
            Attempt = row.Attempts,
            Priority = row.Priority,
            Variables = locked.Variables,
            TraceParent = Activity.Current?.Id,
            TraceState = Activity.Current?.TraceStateString,
        };
    }
}
