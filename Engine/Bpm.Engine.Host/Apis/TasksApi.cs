using Bpm.Contracts.Rest;
using Bpm.Contracts.Variables;
using Bpm.Engine.Host.Infrastructure;
using Bpm.Engine.Runtime;
using Bpm.Engine.Storage;
using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Host.Apis;

public static class TasksApi
{
    public static RouteGroupBuilder MapTasksApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/task").WithTags("Task");
        group.MapGet("", async (BpmDbContext db, [AsParameters] TaskQuery filter, int? firstResult, int? maxResults, CancellationToken ct) =>
        {
            var rows = await Sorted(filter.Apply(db.UserTasks.AsNoTracking(), db.UserTaskCandidates.AsNoTracking()), filter).Page(firstResult, maxResults).ToListAsync(ct);
            return JsonResult.Ok(rows.Select(Dtos.Task).ToList());
        });
        group.MapGet("/count", async (BpmDbContext db, [AsParameters] TaskQuery filter, CancellationToken ct) =>
            JsonResult.Ok(new CountDto(await filter.Apply(db.UserTasks.AsNoTracking(), db.UserTaskCandidates.AsNoTracking()).LongCountAsync(ct))));
        group.MapGet("/{id}", async (UserTaskService tasks, string id, CancellationToken ct) => JsonResult.Ok(Dtos.Task(await tasks.GetAsync(id, ct))));
        group.MapPost("/{id}/claim", async (HttpRequest request, UserTaskService tasks, string id, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadAsync<UserIdDto>(request);
            await tasks.ClaimAsync(id, body.UserId, ct);
            return Results.NoContent();
        });
        group.MapPost("/{id}/unclaim", async (UserTaskService tasks, string id, CancellationToken ct) =>
        {
            await tasks.UnclaimAsync(id, ct);
            return Results.NoContent();
        });
        group.MapPost("/{id}/assignee", async (HttpRequest request, UserTaskService tasks, string id, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadAsync<UserIdDto>(request);
            await tasks.SetAssigneeAsync(id, body.UserId, ct);
            return Results.NoContent();
        });
        group.MapPost("/{id}/complete", async (HttpRequest request, UserTaskService tasks, string id, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadOptionalAsync(request, new CompleteTaskDto());
            var instance = await tasks.CompleteAsync(id, TypedVariables.ToJson(body.Variables), ct);
            return body.WithVariablesInReturn ? JsonResult.Ok(TypedVariables.FromJson(instance.Variables)) : Results.NoContent();
        });
        group.MapGet("/{id}/form-variables", async (UserTaskService tasks, ProcessInstanceService instances, string id, string? variableNames, CancellationToken ct) =>
            JsonResult.Ok(TypedVariables.FromJson(await VisibleAsync(tasks, instances, id, variableNames, ct))));
        group.MapGet("/{id}/variables", async (UserTaskService tasks, ProcessInstanceService instances, string id, CancellationToken ct) =>
            JsonResult.Ok(TypedVariables.FromJson(await VisibleAsync(tasks, instances, id, null, ct))));
        return api;
    }

    /// <summary>The variables the task sees; for a form, optionally only the named ones.</summary>
    private static async Task<System.Text.Json.Nodes.JsonObject> VisibleAsync(UserTaskService tasks, ProcessInstanceService instances, string id, string? names, CancellationToken ct)
    {
        var task = await tasks.GetAsync(id, ct);
        var (_, instance) = await instances.GetAsync(task.ProcessInstanceId, ct);
        var visible = ProcessVariables.Visible(instance, instance.FindToken(id));
        if (names is null) return visible;
        var wanted = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        foreach (var name in visible.Select(v => v.Key).Where(n => !wanted.Contains(n)).ToList()) visible.Remove(name);
        return visible;
    }

    private static IQueryable<UserTaskRow> Sorted(IQueryable<UserTaskRow> query, TaskQuery filter)
    {
        var descending = string.Equals(filter.SortOrder, "desc", StringComparison.OrdinalIgnoreCase);
        return filter.SortBy switch
        {
            "dueDate" => descending ? query.OrderByDescending(t => t.Due) : query.OrderBy(t => t.Due),
            "followUpDate" => descending ? query.OrderByDescending(t => t.FollowUp) : query.OrderBy(t => t.FollowUp),
            "priority" => descending ? query.OrderByDescending(t => t.Priority) : query.OrderBy(t => t.Priority),
            "name" => descending ? query.OrderByDescending(t => t.Name) : query.OrderBy(t => t.Name),
            _ => descending ? query.OrderByDescending(t => t.CreateTime) : query.OrderBy(t => t.CreateTime),
        };
    }
}
