using Bpm.Contracts.Rest;
using Bpm.Engine.Errors;
using Bpm.Engine.Host.Infrastructure;
using Bpm.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Host.Apis;

public static class DeploymentsApi
{
    public const long MaxResourceBytes = 10 * 1024 * 1024;

    public static RouteGroupBuilder MapDeploymentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/deployment").WithTags("Deployment");
        group.MapPost("/create", CreateAsync).DisableAntiforgery().RequireAnalysts("deploy");
        group.MapGet("", ListAsync);
        group.MapGet("/count", CountAsync);
        group.MapGet("/{id}", GetAsync);
        return api;
    }

    /// <summary>Multipart form as Camunda Modeler sends it: deployment-name, deployment-source, enable-duplicate-filtering, deploy-changed-only, tenant-id and one part per resource.</summary>
    private static async Task<IResult> CreateAsync(HttpRequest request, DeploymentService deployments, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType) throw EngineException.Invalid("A deployment must be sent as multipart/form-data");
        var form = await request.ReadFormAsync(cancellationToken);
        var resources = new List<DeploymentResource>();
        foreach (var file in form.Files)
        {
            if (file.Length > MaxResourceBytes) throw EngineException.Invalid($"Resource '{file.FileName}' is larger than {MaxResourceBytes} bytes");
            using var content = new MemoryStream();
            await file.CopyToAsync(content, cancellationToken);
            resources.Add(new DeploymentResource(string.IsNullOrEmpty(file.FileName) ? file.Name : file.FileName, content.ToArray()));
        }
        var result = await deployments.DeployAsync(new DeploymentRequest(
            Text(form, "deployment-name"),
            Text(form, "deployment-source"),
            Text(form, "tenant-id"),
            Flag(form, "enable-duplicate-filtering"),
            Flag(form, "deploy-changed-only"),
            resources), cancellationToken);
        return JsonResult.Ok(Dtos.Deployment(result.Deployment, result.Definitions));
    }

    private static async Task<IResult> ListAsync(BpmDbContext db, string? id, string? name, string? nameLike, string? source, int? firstResult, int? maxResults, CancellationToken cancellationToken)
    {
        var rows = await Query(db, id, name, nameLike, source).OrderBy(d => d.DeploymentTime).Page(firstResult, maxResults).ToListAsync(cancellationToken);
        return JsonResult.Ok(rows.Select(r => Dtos.Deployment(r)).ToList());
    }

    private static async Task<IResult> CountAsync(BpmDbContext db, string? id, string? name, string? nameLike, string? source, CancellationToken cancellationToken) =>
        JsonResult.Ok(new CountDto(await Query(db, id, name, nameLike, source).LongCountAsync(cancellationToken)));

    private static async Task<IResult> GetAsync(BpmDbContext db, string id, CancellationToken cancellationToken)
    {
        var row = await db.Deployments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw EngineException.NotFound($"Deployment with id '{id}' does not exist");
        return JsonResult.Ok(Dtos.Deployment(row));
    }

    private static IQueryable<Storage.Entities.DeploymentRow> Query(BpmDbContext db, string? id, string? name, string? nameLike, string? source)
    {
        var query = db.Deployments.AsNoTracking();
        if (id is not null) query = query.Where(d => d.Id == id);
        if (name is not null) query = query.Where(d => d.Name == name);
        if (nameLike is not null) query = query.Where(d => d.Name != null && EF.Functions.Like(d.Name, nameLike));
        if (source is not null) query = query.Where(d => d.Source == source);
        return query;
    }

    private static string? Text(IFormCollection form, string field) => form.TryGetValue(field, out var value) && value.Count > 0 ? value.ToString() : null;

    private static bool Flag(IFormCollection form, string field) => bool.TryParse(Text(form, field), out var flag) && flag;
}
