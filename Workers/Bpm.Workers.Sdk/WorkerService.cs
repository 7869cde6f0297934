using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bpm.Workers.Sdk;

/// <summary>Runs every registered handler on the configured transport until the host stops.</summary>
public sealed class WorkerService(
    IEnumerable<HandlerRegistration> handlers,
    IWorkerTransport transport,
    TaskExecutor executor,
    WorkerOptions options,
    ILogger<WorkerService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var registered = handlers.ToList();
        logger.LogInformation(
            "Worker {WorkerId} serves {Topics} over {Transport}",
            options.WorkerId, string.Join(", ", registered.Select(h => h.Topic)), options.Transport);
        return Task.WhenAll(registered.Select(h => Task.Run(() => transport.RunAsync(h, executor, stoppingToken), CancellationToken.None)));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // In-flight tasks get the configured time to finish, beyond the host's own stop deadline.
        using var patience = new CancellationTokenSource(options.ShutdownTimeout + TimeSpan.FromSeconds(5));
        await base.StopAsync(patience.Token);
    }
}
