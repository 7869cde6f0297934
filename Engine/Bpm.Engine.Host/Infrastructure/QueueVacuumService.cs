using Bpm.Engine.Storage;

namespace Bpm.Engine.Host.Infrastructure;

/// <summary>On PostgreSQL, vacuums the engine's queue tables every <see cref="QueueVacuumOptions.Interval"/> that they need it (<see cref="QueueVacuum"/>).</summary>
public sealed class QueueVacuumService(QueueVacuum vacuum, QueueVacuumOptions options, TimeProvider time, ILogger<QueueVacuumService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var vacuumed = await vacuum.RunOnceAsync(stoppingToken);
                    if (vacuumed.Count > 0) logger.LogDebug("Vacuumed {Tables}", string.Join(", ", vacuumed));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Vacuuming the queue tables failed; trying again in {Interval}", options.Interval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
