using Bpm.Contracts.Rest;
using Bpm.Contracts.Variables;
using Bpm.Engine.Errors;
using Bpm.Engine.Host.Infrastructure;
using Bpm.Engine.Runtime;
using Bpm.Engine.Storage;
using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Host.Apis;

public static class ProcessDefinitionsApi
{
    public static RouteGroupBuilder MapProcessDefinitionsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/process-definition").WithTags("Process Definition");
        group.MapGet("", ListAsync);
        group.MapGet("/count", CountAsync);
        group.MapGet("/key/{key}", async (BpmDbContext db, string key, CancellationToken ct) => JsonResult.Ok(Dtos.Definition(await LatestAsync(db, key, ct))));
        group.MapGet("/key/{key}/xml", async (BpmDbContext db, string key, CancellationToken ct) => Xml(await LatestAsync(db, key, ct)));
        group.MapGet("/{id}", async (BpmDbContext db, string id, CancellationToken ct) => JsonResult.Ok(Dtos.Definition(await ByIdAsync(db, id, ct))));
        group.MapGet("/{id}/xml", async (BpmDbContext db, string id, CancellationToken ct) => Xml(await ByIdAsync(db, id, ct)));
        group.MapPost("/key/{key}/start", async (HttpRequest request, ProcessInstanceService instances, string key, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadOptionalAsync(request, new StartProcessInstanceDto());
            return Started(await instances.StartByKeyAsync(key, body.BusinessKey, TypedVariables.ToJson(body.Variables), Starter(request), ct), body.WithVariablesInReturn);
        });
        group.MapPost("/{id}/start", async (HttpRequest request, ProcessInstanceService instances, string id, CancellationToken ct) =>
        {
            var body = await RequestBody.ReadOptionalAsync(request, new StartProcessInstanceDto());
            return Started(await instances.StartByIdAsync(id, body.BusinessKey, TypedVariables.ToJson(body.Variables), Starter(request), ct), body.WithVariablesInReturn);
        });
        return api;
    }

    /// <summary>The person starting an instance, checked against the process's candidate starters; none for a machine.</summary>
    private static ProcessStarter? Starter(HttpRequest request) =>
        CallingUser.Of(request.HttpContext) is { } user ? new ProcessStarter(user.Id, user.Groups) : null;

    private static IResult Started(ProcessInstance instance, bool withVariables)
    {
        if (!withVariables) return JsonResult.Ok(Dtos.Instance(instance));
        var dto = Dtos.Instance(instance);
        return JsonResult.Ok(new ProcessInstanceWithVariablesDto(dto.Id, dto.DefinitionId, TypedVariables.FromJson(instance.Variables),
            dto.BusinessKey, null, dto.Ended, dto.Suspended, null, dto.Links));
    }

    private static async Task<IResult> ListAsync(HttpContext http, BpmDbContext db, DefinitionCache definitions, UserDirectory users,
        [AsParameters] ProcessDefinitionQuery query, int? firstResult, int? maxResults, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(http, db, definitions, users, query, cancellationToken);
        return JsonResult.Ok(rows.AsQueryable().Page(firstResult, maxResults).Select(Dtos.Definition).ToList());
    }

    private static async Task<IResult> CountAsync(HttpContext http, BpmDbContext db, DefinitionCache definitions, UserDirectory users,
        [AsParameters] ProcessDefinitionQuery query, CancellationToken cancellationToken)
    {
        if (query.StartableBy is not null) return JsonResult.Ok(new CountDto((await RowsAsync(http, db, definitions, users, query, cancellationToken)).Count));
        var rows = query.Apply(db.ProcessDefinitions.AsNoTracking());
        var count = query.LatestVersion == true
            ? await rows.Select(d => d.Key).Distinct().LongCountAsync(cancellationToken)
            : await rows.LongCountAsync(cancellationToken);
        return JsonResult.Ok(new CountDto(count));
    }

    private static async Task<List<ProcessDefinitionRow>> RowsAsync(
        HttpContext http, BpmDbContext db, DefinitionCache definitions, UserDirectory users, ProcessDefinitionQuery query, CancellationToken cancellationToken)
    {
        var rows = await query.Apply(db.ProcessDefinitions.AsNoTracking()).OrderBy(d => d.Key).ThenBy(d => d.Version).ToListAsync(cancellationToken);
        if (query.LatestVersion == true) rows = rows.GroupBy(r => r.Key).Select(g => g.MaxBy(r => r.Version)!).ToList();
        if (query.StartableBy is not { } user) return rows;
        // The groups of the caller when it asks for itself, else of the configured user of that name.
        var groups = CallingUser.Of(http) is { } caller && caller.Id == user ? caller.Groups : users.Find(user)?.Groups ?? [];
        var startable = new List<ProcessDefinitionRow>(rows.Count);
        foreach (var row in rows)
        {
            if ((await definitions.GetAsync(db, row.Id, cancellationToken)).MayBeStartedBy(user, groups)) startable.Add(row);
        }
        return startable;
    }

    private static IResult Xml(ProcessDefinitionRow row) => JsonResult.Ok(new ProcessDefinitionXmlDto(row.Id, row.Xml));

    private static async Task<ProcessDefinitionRow> LatestAsync(BpmDbContext db, string key, CancellationToken cancellationToken) =>
        await db.ProcessDefinitions.AsNoTracking().Where(d => d.Key == key).OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken)
        ?? throw EngineException.NotFound($"No matching process definition with key '{key}'");

    private static async Task<ProcessDefinitionRow> ByIdAsync(BpmDbContext db, string id, CancellationToken cancellationToken) =>
        await db.ProcessDefinitions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken)
        ?? throw EngineException.NotFound($"No matching process definition with id '{id}'");
}
