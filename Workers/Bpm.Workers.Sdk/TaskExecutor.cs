using System.Diagnostics;
using Bpm.Contracts.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bpm.Workers.Sdk;

/// <summary>
/// Runs one task through its handler in a fresh DI scope, inside a trace span linked to the engine's, and
/// turns what happened into an outcome: exceptions become failures, so a bad task never stops a worker.
/// </summary>
public sealed class TaskExecutor(IServiceScopeFactory scopes, ILogger<TaskExecutor> logger)
{
    public static readonly ActivitySource Source = new("Bpm.Workers");

    /// <summary>
    /// For message transports: runs the task and returns the answer to send — its outcome, or a release when
    /// shutdown cancelled it. Lock extensions go out through <paramref name="send"/> while it runs.
    /// </summary>
    public async Task<TaskResult> AnswerAsync(
        HandlerRegistration handler, TaskActivated task, string workerId, Func<TaskResult, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await ExecuteAsync(handler, task, (duration, ct) => send(new TaskLockExtended
            {
                TaskId = task.TaskId, LockToken = task.LockToken, WorkerId = workerId, ProcessInstanceId = task.ProcessInstanceId,
                NewDurationMs = (long)duration.TotalMilliseconds,
            }, ct), cancellationToken);
            return TaskResults.From(task, workerId, outcome);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return TaskResults.Release(task, workerId);
        }
    }

    public async Task<TaskOutcome> ExecuteAsync(
        HandlerRegistration handler, TaskActivated activation, Func<TimeSpan, CancellationToken, Task> extendLock, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(activation.TraceParent, activation.TraceState, out var parent);
        using var span = Source.StartActivity($"task {activation.Topic}", ActivityKind.Consumer, parent);
        span?.SetTag("bpm.task.id", activation.TaskId);
        span?.SetTag("bpm.task.topic", activation.Topic);
        span?.SetTag("bpm.process_instance.id", activation.ProcessInstanceId);
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["TaskId"] = activation.TaskId,
            ["Topic"] = activation.Topic,
            ["ProcessInstanceId"] = activation.ProcessInstanceId,
        });
        try
        {
            await using var services = scopes.CreateAsyncScope();
            var instance = (ITaskHandler)services.ServiceProvider.GetRequiredService(handler.HandlerType);
            var outcome = await instance.HandleAsync(new WorkerTask(activation, extendLock), cancellationToken);
            span?.SetTag("bpm.task.outcome", outcome.GetType().Name);
            return outcome;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TaskVariableException e)
        {
            logger.LogWarning("Task {TaskId} of {Topic} cannot be done: {Message}", activation.TaskId, activation.Topic, e.Message);
            span?.SetStatus(ActivityStatusCode.Error, e.Message);
            return TaskOutcome.Fail(e.Message, e.ToString(), retries: 0);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Task {TaskId} of {Topic} failed", activation.TaskId, activation.Topic);
            span?.SetStatus(ActivityStatusCode.Error, e.Message);
            return TaskOutcome.Fail($"{e.GetType().Name}: {e.Message}", e.ToString());
        }
    }
}
