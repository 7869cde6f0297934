using Bpm.Contracts.Workers;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Bpm.Workers.Sdk.Transports.MassTransit;

/// <summary>
/// Competing consumers on the queue of a task type (<c>bpm-tasks-{type}</c>), at most the handler's
/// concurrency at once; results are sent to the engine's queue. A worker that dies before its answer
/// leaves the message unacknowledged, so the broker hands it to another consumer. An answer the broker does not take
/// within <see cref="WorkerOptions.RabbitMqSection.SendTimeout"/> is given up, so that a send left hanging by a broker
/// restart does not hold the handler's slot (and the endpoint's restart) for good: the engine hands the task out again
/// when its lock runs out.
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
        try
        {
            await SendAsync(result, CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("The answer to task {TaskId} was not taken by the broker within {Timeout}; the engine hands the task out again when its lock runs out",
                task.TaskId, options.RabbitMq.SendTimeout);
        }
        catch (Exception e) when (e is not ArgumentException)
        {
            logger.LogWarning(e, "The answer to task {TaskId} could not be sent; the engine hands the task out again when its lock runs out", task.TaskId);
        }
    }

    private async Task SendAsync(TaskResult result, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(options.RabbitMq.SendTimeout);
        var endpoint = await bus.GetSendEndpoint(new Uri("queue:" + WorkerMessages.ResultsQueue));
        var send = result switch
        {
            TaskCompleted m => endpoint.Send(m, bounded.Token),
            TaskFailed m => endpoint.Send(m, bounded.Token),
            TaskBpmnErrorThrown m => endpoint.Send(m, bounded.Token),
            TaskLockExtended m => endpoint.Send(m, bounded.Token),
            TaskReleased m => endpoint.Send(m, bounded.Token),
            _ => throw new ArgumentException($"Unknown task result {result.GetType().Name}", nameof(result)),
        };
        // The broker's confirmation of a send may not heed the token: stop waiting for it all the same.
        await send.WaitAsync(bounded.Token);
    }
}
