using Bpm.Engine.Storage;

namespace Bpm.Engine.Host.Infrastructure;

/// <summary>
/// Runs due timers on this node, delivers buffered messages to subscriptions opened since and broadcasts
/// the signals instances threw: polls, and goes straight on while there are more due jobs. On PostgreSQL timers
/// and continuations are claimed by the transactions that fire them; timer starts, and every job on SQLite, are
/// locked first and run after.
/// </summary>
/// <remarks>
/// On shutdown it acquires nothing more but lets the batch in flight finish, each job committing or rolling
/// back whole; only when the host's shutdown timeout runs out are the remaining jobs cancelled (their locks
/// then expire after <see cref="JobOptions.LockDuration"/> and another node takes them).
/// </remarks>
public sealed class JobExecutorService(JobExecutor jobs, MessageService messages, JobOptions options, ILogger<JobExecutorService> logger) : BackgroundService
{
    private readonly CancellationTokenSource _abort = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Job executor {NodeId} polls every {Interval}", options.NodeId, options.PollInterval);
        // The jobs of one round run while the next round is acquired: a node holds at most two rounds of locks.
        var running = Task.CompletedTask;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                bool more;
                try
                {
                    more = await jobs.RunDueBatchesAsync(_abort.Token);
                    var due = await jobs.AcquireAsync(_abort.Token);
                    await running;
                    running = RunAsync(due);
                    more |= due.Count == options.BatchSize;
                    await messages.DeliverBufferedAsync(_abort.Token);
                    await messages.DispatchThrownSignalsAsync(_abort.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Acquiring due jobs failed");
                    more = false;
                }
                if (!more)
                {
                    await running;
                    await Task.Delay(options.PollInterval, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
                }
            }
            await running;
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            logger.LogWarning("Job executor {NodeId} stopped before its batch finished; its locks expire after {LockDuration}", options.NodeId, options.LockDuration);
            return;
        }
        logger.LogInformation("Job executor {NodeId} stopped", options.NodeId);
    }

    /// <summary>Runs a round; a failure is logged, never thrown, so that the next round still runs.</summary>
    private async Task RunAsync(IReadOnlyList<Bpm.Engine.Storage.Entities.JobRow> due)
    {
        try
        {
            await jobs.RunAsync(due, _abort.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Running {Count} due jobs failed; their locks expire after {LockDuration}", due.Count, options.LockDuration);
        }
    }

    /// <summary>Stops polling at once; cancels the jobs in flight only when <paramref name="cancellationToken"/> (the shutdown timeout) fires.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await using var registration = cancellationToken.Register(_abort.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }
}
