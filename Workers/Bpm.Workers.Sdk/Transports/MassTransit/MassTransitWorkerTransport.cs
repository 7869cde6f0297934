using Bpm.Contracts.Workers;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Bpm.Workers.Sdk.Transports.MassTransit;

/// <summary>
/// Competing consumers on the queue of a task type (<c>bpm-tasks-{type}</c>), at most the handler's
/// concurrency at once; results are sent to the engine's queue. A worker that dies before its answer
/// leaves the message unacknowledged, so the broker hands it to another consumer.
/// </summary>
public sealed class MassTransitWorkerTransport(
    IBus bus,
    WorkerOptions options,
    ILogger<MassTransitWorkerTransport> logger) : IWorkerTransport
{
    public async Task RunAsync(HandlerRegistration handler, TaskExecutor executor, CancellationToken stoppingToken)
    {
        using var inFlight = new InFlightTasks(handler.MaxConcurrency);
        var endpoint = bus.ConnectReceiveEndpoint(WorkerMessages.TasksQueue(handler.Topic), configure =>
        {
            configure.ConcurrentMessageLimit = handler.MaxConcurrency;
            configure.PrefetchCount = handler.MaxConcurrency;
            configure.Handler<TaskActivated>(context => HandleAsync(handler, executor, context.Message, inFlight.HandlerToken));
        });
        await endpoint.Ready.WaitAsync(stoppingToken);
        logger.LogInformation("Worker {WorkerId} consumes {Queue}", options.WorkerId, WorkerMessages.TasksQueue(handler.Topic));
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
        var stop = endpoint.StopAsync(CancellationToken.None);
        if (await Task.WhenAny(stop, Task.Delay(options.ShutdownTimeout, CancellationToken.None)) != stop) await inFlight.DrainAsync(TimeSpan.Zero);
        await stop;
    }

    private async Task HandleAsync(HandlerRegistration handler, TaskExecutor executor, TaskActivated task, CancellationToken handlerToken)
    {
        var result = await executor.AnswerAsync(handler, task, options.WorkerId, SendAsync, handlerToken);
        await SendAsync(result, CancellationToken.None);
    }

    private async Task SendAsync(TaskResult result, CancellationToken cancellationToken)
    {
        var endpoint = await bus.GetSendEndpoint(new Uri("queue:" + WorkerMessages.ResultsQueue));
        switch (result)
        {
            case TaskCompleted m: await endpoint.Send(m, cancellationToken); break;
            case TaskFailed m: await endpoint.Send(m, cancellationToken); break;
            case TaskBpmnErrorThrown m: await endpoint.Send(m, cancellationToken); break;
            case TaskLockExtended m: await endpoint.Send(m, cancellationToken); break;
            case TaskReleased m: await endpoint.Send(m, cancellationToken); break;
            default: throw new ArgumentException($"Unknown task result {result.GetType().Name}", nameof(result));
        }
    }
}
