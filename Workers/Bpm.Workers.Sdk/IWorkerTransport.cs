namespace Bpm.Workers.Sdk;

/// <summary>
/// Brings tasks of one handler to the <see cref="TaskExecutor"/> and carries the outcomes back, until
/// <paramref name="stoppingToken"/> fires; then lets in-flight tasks finish or releases them.
/// </summary>
public interface IWorkerTransport
{
    Task RunAsync(HandlerRegistration handler, TaskExecutor executor, CancellationToken stoppingToken);
}
