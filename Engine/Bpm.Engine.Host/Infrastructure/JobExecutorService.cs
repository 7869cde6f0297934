using Bpm.Engine.Storage;

namespace Bpm.Engine.Host.Infrastructure;

/// <summary>
/// Runs due timers on this node, delivers buffered messages to subscriptions opened since and broadcasts
/// the signals instances threw: polls, and goes
/// straight on while there are more due jobs.
/// </summary>
public sealed class JobExecutorService(JobExecutor jobs, MessageService messages, JobOptions options, ILogger<JobExecutorService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Job executor {NodeId} polls every {Interval}", options.NodeId, options.PollInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            int acquired;
            try
            {
                acquired = await jobs.RunDueJobsAsync(stoppingToken);
                await messages.DeliverBufferedAsync(stoppingToken);
                await messages.DispatchThrownSignalsAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Acquiring due jobs failed");
                acquired = 0;
            }
            if (acquired < options.BatchSize) await Task.Delay(options.PollInterval, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        }
    }
}
