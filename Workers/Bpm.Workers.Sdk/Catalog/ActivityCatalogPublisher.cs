using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bpm.Workers.Sdk.Catalog;

/// <summary>
/// Publishes the registered handlers' activities to the engine as element templates at start, trying
/// again with backoff while the engine is unreachable; the workers serve tasks meanwhile.
/// </summary>
public sealed class ActivityCatalogPublisher(
    IEnumerable<HandlerRegistration> handlers,
    ActivityCatalogClient engine,
    WorkerOptions options,
    IHostApplicationLifetime lifetime,
    ILogger<ActivityCatalogPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.PublishCatalog) return;
        // Inside the engine host the engine listens only once the host has started.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            try { await started.Task.WaitAsync(stoppingToken); } catch (OperationCanceledException) { return; }
        }
        var templates = handlers.Select(h => ElementTemplates.From(h.Activity)).ToList();
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await engine.PublishTemplatesAsync(options.CatalogSource, templates, stoppingToken);
                logger.LogInformation("Published {Count} activities to the engine's catalog as '{Source}'", templates.Count, options.CatalogSource);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or EngineCallException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                var wait = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(attempt, 6))));
                logger.LogWarning("Publishing the activity catalog failed ({Message}); trying again in {Wait}", e.Message, wait);
                try { await Task.Delay(wait, stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
    }
}
