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
        group.MapGet("", async (HttpContext http, BpmDbContext db, [AsParameters] TaskQuery filter, int? firstResult, int? maxResults, CancellationToken ct) =>
        {
            var rows = GroupTaskList.Serves(filter)
                ? await GroupTaskList.ReadAsync(db, filter, CallingUser.Of(http), firstResult, maxResults, ct)
                : await Listed(http, db, filter).Page(firstResult, maxResults).ToListAsync(ct);
            return JsonResult.Ok(rows.Select(Dtos.Task).ToList());
        });
        group.MapGet("/count", async (HttpContext http, BpmDbContext db, [AsParameters] TaskQuery filter, CancellationToken ct) =>
            JsonResult.Ok(new CountDto(await Visible(http, db, filter).LongCountAsync(ct))));
        group.MapGet("/{id}", async (HttpContext http, BpmDbContext db, UserTaskService tasks, string id, CancellationToken ct) =>
        {
            await TaskAccess.EnsureVisibleAsync(db, id, CallingUser.Of(http), ct);
            return JsonResult.Ok(Dtos.Task(await tasks.GetAsync(id, ct)));
        });
        group.MapPost("/{id}/claim", async (HttpRequest request, BpmDbContext db, UserTaskService tasks, string id, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadAsync<UserIdDto>(request);
            await TaskAccess.EnsureVisibleAsync(db, id, CallingUser.Of(request.HttpContext), ct);
            TaskAccess.EnsureSelf(CallingUser.Of(request.HttpContext), body.UserId);
            await tasks.ClaimAsync(id, body.UserId, ct);
            return Results.NoContent();
        });
        group.MapPost("/{id}/unclaim", async (HttpContext http, BpmDbContext db, UserTaskService tasks, string id, CancellationToken ct) =>
        {
            await TaskAccess.EnsureVisibleAsync(db, id, CallingUser.Of(http), ct);
            await tasks.UnclaimAsync(id, ct);
            return Results.NoContent();
        });
        group.MapPost("/{id}/assignee", async (HttpRequest request, BpmDbContext db, UserTaskService tasks, string id, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadAsync<UserIdDto>(request);
            await TaskAccess.EnsureVisibleAsync(db, id, CallingUser.Of(request.HttpContext), ct);
            TaskAccess.EnsureSelf(CallingUser.Of(request.HttpContext), body.UserId);
            await tasks.SetAssigneeAsync(id, body.UserId, ct);
            return Results.NoContent();
        });
        group.MapPut("/{id}", async (HttpRequest request, BpmDbContext db, UserTaskService tasks, string id, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadAsync<UpdateTaskDto>(request);
            var user = CallingUser.Of(request.HttpContext);
            await TaskAccess.EnsureVisibleAsync(db, id, user, ct);
            var task = await tasks.GetAsync(id, ct);
            var assignee = string.IsNullOrWhiteSpace(body.Assignee) ? null : body.Assignee;
            if (assignee != task.Assignee) TaskAccess.EnsureSelf(user, assignee);
            await tasks.UpdateAsync(id, new UserTaskFields(body.Name, assignee, body.Due, body.FollowUp, body.Priority ?? task.Priority), ct);
            return Results.NoContent();
        });
        group.MapPost("/{id}/complete", async (HttpRequest request, BpmDbContext db, UserTaskService tasks, string id, CancellationToken ct) =>
        {
            await TaskAccess.EnsureVisibleAsync(db, id, CallingUser.Of(request.HttpContext), ct);
            var body = await RequestBody.ReadOptionalAsync(request, new CompleteTaskDto());
            var instance = await tasks.CompleteAsync(id, TypedVariables.ToJson(body.Variables), ct);
            return body.WithVariablesInReturn ? JsonResult.Ok(TypedVariables.FromJson(instance.Variables)) : Results.NoContent();
        });
        group.MapGet("/{id}/form-variables", async (HttpContext http, BpmDbContext db, UserTaskService tasks, ProcessInstanceService instances, string id, string? variableNames, CancellationToken ct) =>
        {
            await TaskAccess.EnsureVisibleAsync(db, id, CallingUser.Of(http), ct);
            return JsonResult.Ok(TypedVariables.FromJson(await VisibleAsync(tasks, instances, id, variableNames, ct)));
        });
        group.MapGet("/{id}/variables", async (HttpContext http, BpmDbContext db, UserTaskService tasks, ProcessInstanceService instances, string id, CancellationToken ct) =>
        {
            await TaskAccess.EnsureVisibleAsync(db, id, CallingUser.Of(http), ct);
            return JsonResult.Ok(TypedVariables.FromJson(await VisibleAsync(tasks, instances, id, null, ct)));
        });
        return api;
    }

    private static IQueryable<UserTaskRow> Visible(HttpContext http, BpmDbContext db, TaskQuery filter) =>
        TaskAccess.VisibleTo(filter.Apply(db.UserTasks.AsNoTracking(), db.UserTaskCandidates.AsNoTracking()), db.UserTaskCandidates.AsNoTracking(), CallingUser.Of(http));

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

    /// <summary>
    /// The tasks a page is cut from, in order. One candidate group's unassigned tasks in creation order (a group's
    /// tasklist; the plain one is <see cref="GroupTaskList"/>) are read from that group's candidate rows, whose index is
    /// in the order the tasks were created: the query reads about a page's worth however many tasks other groups have.
    /// Any other list sorts the tasks that pass the filter.
    /// </summary>
    private static IQueryable<UserTaskRow> Listed(HttpContext http, BpmDbContext db, TaskQuery filter)
    {
        if (filter is not { CandidateGroup: { } group, SortBy: null or "created" }) return Sorted(Visible(http, db, filter), filter);
        var tasks = Visible(http, db, filter with { CandidateGroup = null }).Where(t => t.Assignee == null);
        var offered = db.UserTaskCandidates.AsNoTracking()
            .Where(c => c.Kind == UserTaskCandidateRow.Group && c.Name == group)
            .Join(tasks, c => c.TaskId, t => t.Id, (c, t) => new { c.CreateTime, c.TaskId, Task = t });
        var ordered = string.Equals(filter.SortOrder, "desc", StringComparison.OrdinalIgnoreCase)
            ? offered.OrderByDescending(o => o.CreateTime).ThenByDescending(o => o.TaskId)
            : offered.OrderBy(o => o.CreateTime).ThenBy(o => o.TaskId);
        return ordered.Select(o => o.Task);
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
