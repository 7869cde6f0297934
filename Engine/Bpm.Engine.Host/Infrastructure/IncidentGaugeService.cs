using Bpm.Engine.Storage.Telemetry;

namespace Bpm.Engine.Host.Infrastructure;

/// <summary>Counts the open incidents now and then, so a scrape of <c>/metrics</c> never waits on the database.</summary>
public sealed class IncidentGaugeService(IncidentCensus census, EngineMetrics metrics, BpmHostOptions options, TimeProvider time, ILogger<IncidentGaugeService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Telemetry.GaugeInterval, time);
        do
        {
            try
            {
                metrics.SetOpenIncidents(await census.CountOpenAsync(stoppingToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Counting open incidents failed; the gauge keeps its last value");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, CancellationToken.None));
    }
}
