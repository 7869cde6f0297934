using Bpm.Contracts.Rest;
using Bpm.Contracts.Variables;
using Bpm.Engine.Host.Infrastructure;
using Bpm.Engine.Runtime;
using Bpm.Engine.Storage;
using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Host.Apis;

public static class ProcessInstancesApi
{
    public static RouteGroupBuilder MapProcessInstancesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/process-instance").WithTags("Process Instance");
        group.MapGet("", async (BpmDbContext db, string? processInstanceIds, string? businessKey, string? processDefinitionId, string? processDefinitionKey,
            bool? active, bool? suspended, int? firstResult, int? maxResults, CancellationToken ct) =>
        {
            var rows = await Query(db, processInstanceIds, businessKey, processDefinitionId, processDefinitionKey, active, suspended)
                .OrderBy(p => p.StartTime).Page(firstResult, maxResults).ToListAsync(ct);
            return JsonResult.Ok(rows.Select(Dtos.Instance).ToList());
        });
        group.MapGet("/count", async (BpmDbContext db, string? processInstanceIds, string? businessKey, string? processDefinitionId, string? processDefinitionKey,
            bool? active, bool? suspended, CancellationToken ct) =>
            JsonResult.Ok(new CountDto(await Query(db, processInstanceIds, businessKey, processDefinitionId, processDefinitionKey, active, suspended).LongCountAsync(ct))));
        group.MapGet("/{id}", async (ProcessInstanceService instances, string id, CancellationToken ct) =>
        {
            var (row, _) = await RunningAsync(instances, id, ct);
            return JsonResult.Ok(Dtos.Instance(row));
        });
        group.MapGet("/{id}/variables", async (ProcessInstanceService instances, string id, CancellationToken ct) =>
        {
            var (_, instance) = await RunningAsync(instances, id, ct);
            return JsonResult.Ok(TypedVariables.FromJson(instance.Variables));
        });
        group.MapGet("/{id}/variables/{name}", async (ProcessInstanceService instances, string id, string name, CancellationToken ct) =>
        {
            var (_, instance) = await RunningAsync(instances, id, ct);
            if (!instance.Variables.TryGetPropertyValue(name, out var value))
                throw Errors.EngineException.NotFound($"Process instance '{id}' has no variable '{name}'");
            return JsonResult.Ok(TypedVariables.FromJson(value));
        });
        group.MapPost("/{id}/variables", async (HttpRequest request, ProcessInstanceService instances, string id, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadAsync<PatchVariablesDto>(request);
            await RunningAsync(instances, id, ct);
            await instances.ModifyVariablesAsync(id, body.Modifications is null ? null : TypedVariables.ToJson(body.Modifications), body.Deletions, ct);
            return Results.NoContent();
        }).RequireOperators("change the variables of process instances");
        group.MapPut("/{id}/suspended", async (HttpRequest request, ProcessInstanceService instances, string id, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadAsync<SuspensionStateDto>(request);
            if (body.Suspended is null) throw Errors.EngineException.Invalid("suspended is required");
            await RunningAsync(instances, id, ct);
            await instances.SetSuspendedAsync(id, body.Suspended.Value, ct);
            return Results.NoContent();
        }).RequireOperators("suspend or resume process instances");
        group.MapDelete("/{id}", async (ProcessInstanceService instances, string id, CancellationToken ct) =>
        {
            await RunningAsync(instances, id, ct);
            await instances.CancelAsync(id, ct);
            return Results.NoContent();
        }).RequireOperators("cancel process instances");
        return api;
    }

    /// <summary>The runtime API shows running instances only; ended ones live on in history.</summary>
    private static async Task<(ProcessInstanceRow Row, ProcessInstance Instance)> RunningAsync(ProcessInstanceService instances, string id, CancellationToken cancellationToken)
    {
        var found = await instances.GetAsync(id, cancellationToken);
        if (found.Instance.IsEnded) throw Errors.EngineException.NotFound($"Process instance with id '{id}' does not exist (it has ended)");
        return found;
    }

    private static IQueryable<ProcessInstanceRow> Query(BpmDbContext db, string? ids, string? businessKey, string? definitionId, string? definitionKey, bool? active, bool? suspended)
    {
        var query = db.ProcessInstances.AsNoTracking().Where(p => p.State == "ACTIVE" || p.State == "SUSPENDED");
        if (ids is not null)
        {
            var list = ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            query = query.Where(p => list.Contains(p.Id));
        }
        if (businessKey is not null) query = query.Where(p => p.BusinessKey == businessKey);
        if (definitionId is not null) query = query.Where(p => p.DefinitionId == definitionId);
        if (definitionKey is not null) query = query.Where(p => p.DefinitionKey == definitionKey);
        if (active == true) query = query.Where(p => p.State == "ACTIVE");
        if (suspended == true) query = query.Where(p => p.State == "SUSPENDED");
        return query;
    }
}
