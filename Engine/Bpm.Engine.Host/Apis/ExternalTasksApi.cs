using Bpm.Contracts.Rest;
using Bpm.Contracts.Variables;
using Bpm.Engine.Errors;
using Bpm.Engine.Host.Infrastructure;
using Bpm.Engine.Storage;
using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Host.Apis;

public static class ExternalTasksApi
{
    public const int MaxTasksPerFetch = 1000;
    public const long MaxAsyncResponseTimeout = 1_800_000;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public static RouteGroupBuilder MapExternalTasksApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/external-task").WithTags("External Task");
        group.MapPost("/fetchAndLock", FetchAndLockAsync);
        group.MapGet("", async (BpmDbContext db, TimeProvider time, string? externalTaskId, string? topicName, string? workerId, bool? locked, bool? notLocked,
            bool? withRetriesLeft, bool? noRetriesLeft, string? processInstanceId, string? activityId, string? processDefinitionKey,
            int? firstResult, int? maxResults, CancellationToken ct) =>
        {
            var rows = await Query(db, time.GetUtcNow().UtcDateTime, externalTaskId, topicName, workerId, locked, notLocked, withRetriesLeft, noRetriesLeft, processInstanceId, activityId, processDefinitionKey)
                .OrderBy(t => t.CreateTime).Page(firstResult, maxResults).ToListAsync(ct);
            return JsonResult.Ok(rows.Select(Dtos.ExternalTask).ToList());
        });
        group.MapGet("/count", async (BpmDbContext db, TimeProvider time, string? externalTaskId, string? topicName, string? workerId, bool? locked, bool? notLocked,
            bool? withRetriesLeft, bool? noRetriesLeft, string? processInstanceId, string? activityId, string? processDefinitionKey, CancellationToken ct) =>
            JsonResult.Ok(new CountDto(await Query(db, time.GetUtcNow().UtcDateTime, externalTaskId, topicName, workerId, locked, notLocked, withRetriesLeft, noRetriesLeft, processInstanceId, activityId, processDefinitionKey).LongCountAsync(ct))));
        group.MapGet("/{id}", async (ExternalTaskService tasks, string id, CancellationToken ct) => JsonResult.Ok(Dtos.ExternalTask(await tasks.GetAsync(id, ct))));
        group.MapPost("/{id}/complete", async (HttpRequest request, ExternalTaskService tasks, string id, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadAsync<CompleteExternalTaskDto>(request);
            await tasks.CompleteAsync(id, new TaskLockHolder(body.WorkerId), TypedVariables.ToJson(body.Variables), TypedVariables.ToJson(body.LocalVariables), ct);
            return Results.NoContent();
        });
        group.MapPost("/{id}/failure", async (HttpRequest request, ExternalTaskService tasks, string id, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadAsync<ExternalTaskFailureDto>(request);
            await tasks.HandleFailureAsync(id, new TaskLockHolder(body.WorkerId), body.ErrorMessage, body.ErrorDetails, body.Retries, body.RetryTimeout, ct);
            return Results.NoContent();
        });
        group.MapPost("/{id}/bpmnError", async (HttpRequest request, ExternalTaskService tasks, string id, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadAsync<ExternalTaskBpmnErrorDto>(request);
            await tasks.HandleBpmnErrorAsync(id, new TaskLockHolder(body.WorkerId), body.ErrorCode, body.ErrorMessage, TypedVariables.ToJson(body.Variables), ct);
            return Results.NoContent();
        });
        group.MapPost("/{id}/extendLock", async (HttpRequest request, ExternalTaskService tasks, string id, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadAsync<ExtendLockOnExternalTaskDto>(request);
            await tasks.ExtendLockAsync(id, new TaskLockHolder(body.WorkerId), body.NewDuration, ct);
            return Results.NoContent();
        });
        group.MapPost("/{id}/lock", async (HttpRequest request, ExternalTaskService tasks, string id, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadAsync<LockExternalTaskDto>(request);
            await tasks.LockAsync(id, body.WorkerId, body.LockDuration, ct);
            return Results.NoContent();
        });
        group.MapPost("/{id}/unlock", async (ExternalTaskService tasks, string id, CancellationToken ct) =>
        {
            await tasks.UnlockAsync(id, ct);
            return Results.NoContent();
        });
        group.MapPut("/{id}/retries", async (HttpRequest request, ExternalTaskService tasks, string id, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadAsync<RetriesDto>(request);
            if (body.Retries is null) throw EngineException.Invalid("retries is required");
            await tasks.SetRetriesAsync(id, body.Retries.Value, ct);
            return Results.NoContent();
        }).RequireOperators("set the retries of external tasks");
        return api;
    }

    /// <summary>
    /// Locks up to maxTasks tasks of the given topics. With asyncResponseTimeout the request waits (long
    /// polling) until tasks arrive or the timeout passes, waking at once for tasks created on this node.
    /// </summary>
    private static async Task<IResult> FetchAndLockAsync(HttpRequest request, ExternalTaskService tasks, TaskAvailability availability, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync<FetchExternalTasksDto>(request);
        if (string.IsNullOrWhiteSpace(body.WorkerId)) throw EngineException.Invalid("workerId is required");
        if (body.MaxTasks is < 0 or > MaxTasksPerFetch) throw EngineException.Invalid($"maxTasks must be between 0 and {MaxTasksPerFetch}, was {body.MaxTasks}");
        if (body.AsyncResponseTimeout is < 0 or > MaxAsyncResponseTimeout) throw EngineException.Invalid($"asyncResponseTimeout must be between 0 and {MaxAsyncResponseTimeout} ms");
        var topics = (body.Topics ?? []).Select(ToTopic).ToList();
        if (body.MaxTasks == 0 || topics.Count == 0) return JsonResult.Ok(Array.Empty<LockedExternalTaskDto>());

        var deadline = time.GetUtcNow().AddMilliseconds(body.AsyncResponseTimeout ?? 0);
        var names = topics.Select(t => t.TopicName).ToHashSet();
        while (true)
        {
            using var subscription = availability.Subscribe(names, body.MaxTasks);
            var locked = await tasks.FetchAndLockAsync(body.WorkerId, body.MaxTasks, body.UsePriority, topics, cancellationToken);
            var remaining = deadline - time.GetUtcNow();
            if (locked.Count > 0 || remaining <= TimeSpan.Zero) return JsonResult.Ok(locked.Select(Dtos.Locked).ToList());
            await subscription.WaitAsync(remaining < PollInterval ? remaining : PollInterval, cancellationToken);
        }
    }

    private static FetchTopic ToTopic(FetchExternalTaskTopicDto topic)
    {
        if (string.IsNullOrWhiteSpace(topic.TopicName)) throw EngineException.Invalid("Every topic needs a topicName");
        if (topic.LockDuration <= 0) throw EngineException.Invalid($"lockDuration of topic '{topic.TopicName}' must be positive, was {topic.LockDuration}");
        var keys = topic.ProcessDefinitionKeyIn ?? (topic.ProcessDefinitionKey is null ? null : [topic.ProcessDefinitionKey]);
        var ids = topic.ProcessDefinitionIdIn ?? (topic.ProcessDefinitionId is null ? null : [topic.ProcessDefinitionId]);
        return new FetchTopic(topic.TopicName, topic.LockDuration, topic.Variables, topic.LocalVariables, topic.BusinessKey, keys, ids);
    }

    private static IQueryable<ExternalTaskRow> Query(BpmDbContext db, DateTime now, string? id, string? topic, string? workerId, bool? locked, bool? notLocked,
        bool? withRetriesLeft, bool? noRetriesLeft, string? instanceId, string? activityId, string? definitionKey)
    {
        var query = db.ExternalTasks.AsNoTracking();
        if (id is not null) query = query.Where(t => t.Id == id);
        if (topic is not null) query = query.Where(t => t.Topic == topic);
        if (workerId is not null) query = query.Where(t => t.WorkerId == workerId);
        if (locked == true) query = query.Where(t => t.LockExpiration != null && t.LockExpiration > now);
        if (notLocked == true) query = query.Where(t => t.LockExpiration == null || t.LockExpiration <= now);
        if (withRetriesLeft == true) query = query.Where(t => t.Retries == null || t.Retries > 0);
        if (noRetriesLeft == true) query = query.Where(t => t.Retries == 0);
        if (instanceId is not null) query = query.Where(t => t.ProcessInstanceId == instanceId);
        if (activityId is not null) query = query.Where(t => t.ActivityId == activityId);
        if (definitionKey is not null) query = query.Where(t => t.DefinitionKey == definitionKey);
        return query;
    }
}
