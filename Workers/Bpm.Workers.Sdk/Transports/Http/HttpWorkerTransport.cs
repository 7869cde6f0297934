using System.Net.Http.Json;
using Bpm.Contracts;
using Bpm.Contracts.Rest;
using Bpm.Contracts.Variables;
using Bpm.Contracts.Workers;
using Microsoft.Extensions.Logging;

namespace Bpm.Workers.Sdk.Transports.Http;

/// <summary>
/// Camunda's external-task protocol: long-polling fetch-and-lock for as many tasks as there are free
/// slots, then complete, failure, bpmnError, extendLock and unlock calls under this worker's id.
/// </summary>
public sealed class HttpWorkerTransport(HttpClient client, WorkerOptions options, ILogger<HttpWorkerTransport> logger) : IWorkerTransport
{
    public async Task RunAsync(HandlerRegistration handler, TaskExecutor executor, CancellationToken stoppingToken)
    {
        using var inFlight = new InFlightTasks(handler.MaxConcurrency);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var slots = 0;
            try
            {
                slots = await inFlight.TakeSlotsAsync(stoppingToken);
                var tasks = await FetchAsync(handler, slots, stoppingToken);
                failures = 0;
                foreach (var task in tasks)
                {
                    var activation = Activation(task);
                    inFlight.Run(ct => HandleAsync(handler, executor, activation, ct));
                }
                inFlight.Return(slots - tasks.Count);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                inFlight.Return(slots);
                break;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or EngineCallException or System.Text.Json.JsonException)
            {
                inFlight.Return(slots);
                failures++;
                var wait = TimeSpan.FromMilliseconds(Math.Min(30_000, 250 * Math.Pow(2, Math.Min(failures, 7))));
                logger.LogWarning("Fetching {Topic} tasks failed ({Message}); trying again in {Wait}", handler.Topic, e.Message, wait);
                try { await Task.Delay(wait, stoppingToken); } catch (OperationCanceledException) { break; }
            }
        }
        await inFlight.DrainAsync(options.ShutdownTimeout);
    }

    private async Task<IReadOnlyList<LockedExternalTaskDto>> FetchAsync(HandlerRegistration handler, int maxTasks, CancellationToken cancellationToken)
    {
        var body = new FetchExternalTasksDto(
            options.WorkerId,
            maxTasks,
            [new FetchExternalTaskTopicDto(handler.Topic, (long)handler.LockDuration.TotalMilliseconds)],
            UsePriority: true,
            AsyncResponseTimeout: (long)options.Http.LongPollTimeout.TotalMilliseconds);
        using var response = await client.PostAsJsonAsync("engine-rest/external-task/fetchAndLock", body, CamundaJson.Options, cancellationToken);
        await EnsureSuccessAsync(response, "fetch tasks", cancellationToken);
        return await response.Content.ReadFromJsonAsync<List<LockedExternalTaskDto>>(CamundaJson.Options, cancellationToken) ?? [];
    }

    private async Task HandleAsync(HandlerRegistration handler, TaskExecutor executor, TaskActivated task, CancellationToken handlerToken)
    {
        try
        {
            var outcome = await executor.ExecuteAsync(handler, task, (duration, ct) => ExtendLockAsync(task, duration, ct), handlerToken);
            await ReportAsync(task, outcome, CancellationToken.None);
        }
        catch (OperationCanceledException) when (handlerToken.IsCancellationRequested)
        {
            await PostAsync($"engine-rest/external-task/{task.TaskId}/unlock", new { }, "release", CancellationToken.None);
        }
        catch (Exception e) when (e is HttpRequestException or EngineCallException)
        {
            // The lock expires and the engine hands the task out again.
            logger.LogWarning("The result of task {TaskId} could not be reported: {Message}", task.TaskId, e.Message);
        }
    }

    private Task ReportAsync(TaskActivated task, TaskOutcome outcome, CancellationToken cancellationToken) => outcome switch
    {
        TaskOutcome.Completed c => PostAsync(
            $"engine-rest/external-task/{task.TaskId}/complete",
            new CompleteExternalTaskDto(options.WorkerId, Typed(c.Variables)),
            "complete", cancellationToken),
        TaskOutcome.Failed f => PostAsync(
            $"engine-rest/external-task/{task.TaskId}/failure",
            new ExternalTaskFailureDto(options.WorkerId, f.Message, f.Details, TaskResults.RetriesAfter(task, f), (long?)f.RetryAfter?.TotalMilliseconds),
            "report failure of", cancellationToken),
        TaskOutcome.BpmnErrorThrown e => PostAsync(
            $"engine-rest/external-task/{task.TaskId}/bpmnError",
            new ExternalTaskBpmnErrorDto(options.WorkerId, e.Code, e.Message, Typed(e.Variables)),
            "report BPMN error of", cancellationToken),
        _ => throw new ArgumentException($"Unknown outcome {outcome.GetType().Name}", nameof(outcome)),
    };

    private Task ExtendLockAsync(TaskActivated task, TimeSpan duration, CancellationToken cancellationToken) =>
        PostAsync($"engine-rest/external-task/{task.TaskId}/extendLock", new ExtendLockOnExternalTaskDto(options.WorkerId, (long)duration.TotalMilliseconds), "extend the lock of", cancellationToken);

    private async Task PostAsync<T>(string path, T body, string action, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync(path, body, CamundaJson.Options, cancellationToken);
        await EnsureSuccessAsync(response, action + " task", cancellationToken);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string action, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new EngineCallException($"The engine refused to {action}: {(int)response.StatusCode} {text}");
    }

    private static Dictionary<string, VariableValueDto>? Typed(System.Text.Json.Nodes.JsonObject? variables) =>
        variables is null ? null : TypedVariables.FromJson(variables);

    private static TaskActivated Activation(LockedExternalTaskDto task) => new()
    {
        TaskId = task.Id,
        Topic = task.TopicName,
        LockToken = "",
        LockExpiration = task.LockExpirationTime,
        ProcessInstanceId = task.ProcessInstanceId ?? "",
        ProcessDefinitionId = task.ProcessDefinitionId ?? "",
        ProcessDefinitionKey = task.ProcessDefinitionKey ?? "",
        ActivityId = task.ActivityId ?? "",
        BusinessKey = task.BusinessKey,
        TenantId = task.TenantId,
        Retries = task.Retries,
        Priority = task.Priority,
        Variables = TypedVariables.ToJson(task.Variables),
    };
}
