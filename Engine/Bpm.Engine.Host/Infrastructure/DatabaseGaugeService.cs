using Bpm.Engine.Storage.Telemetry;

namespace Bpm.Engine.Host.Infrastructure;

/// <summary>
/// Reads the gauges that need the database — open incidents, outbox lag — now and then, so a scrape of
/// <c>/metrics</c> never waits on it.
/// </summary>
public sealed class DatabaseGaugeService(
    IncidentCensus incidents, OutboxCensus outbox, EngineMetrics metrics, BpmHostOptions options, TimeProvider time, ILogger<DatabaseGaugeService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Telemetry.GaugeInterval, time);
        do
        {
            try
            {
                metrics.SetOpenIncidents(await incidents.CountOpenAsync(stoppingToken));
                metrics.SetOutboxLag(await outbox.OldestWaitingAsync(stoppingToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Reading the database gauges failed; they keep their last values");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, CancellationToken.None));
    }
}
