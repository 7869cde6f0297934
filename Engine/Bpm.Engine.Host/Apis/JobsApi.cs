using Bpm.Contracts.Rest;
using Bpm.Engine.Errors;
using Bpm.Engine.Host.Infrastructure;
using Bpm.Engine.Storage;
using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Host.Apis;

/// <summary>
/// <c>/job</c>: the timers, timer start events and continuations waiting to run, as Camunda's job API shows
/// them; failed ones keep their error, and an operator gives them retries again.
/// </summary>
public static class JobsApi
{
    public static RouteGroupBuilder MapJobsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/job").WithTags("Job");
        group.MapGet("", async (BpmDbContext db, [AsParameters] JobQuery query, int? firstResult, int? maxResults, CancellationToken ct) =>
        {
            var rows = await query.Apply(db.Jobs.AsNoTracking()).OrderBy(j => j.DueAt).ThenBy(j => j.Id).Page(firstResult, maxResults).ToListAsync(ct);
            return JsonResult.Ok(rows.Select(Dto).ToList());
        });
        group.MapGet("/count", async (BpmDbContext db, [AsParameters] JobQuery query, CancellationToken ct) =>
            JsonResult.Ok(new CountDto(await query.Apply(db.Jobs.AsNoTracking()).LongCountAsync(ct))));
        group.MapGet("/{id}", async (BpmDbContext db, string id, CancellationToken ct) =>
            JsonResult.Ok(Dto(await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct) ?? throw NotFound(id))));
        group.MapPut("/{id}/retries", async (BpmDbContext db, string id, HttpRequest request, CancellationToken ct) =>
        {
            var retries = (await RequestBody.ReadAsync<RetriesDto>(request)).Retries ?? throw EngineException.Invalid("retries is required");
            if (retries < 0) throw EngineException.Invalid($"retries must not be negative, was {retries}");
            var changed = await db.Jobs.Where(j => j.Id == id).ExecuteUpdateAsync(set => set.SetProperty(j => j.Retries, retries), ct);
            return changed == 0 ? throw NotFound(id) : Results.NoContent();
        }).RequireOperators("set the retries of jobs");
        return api;
    }

    private static EngineException NotFound(string id) => EngineException.NotFound($"Job with id '{id}' does not exist");

    private static JobDto Dto(JobRow row) => new(
        row.Id, row.ProcessInstanceId, row.DefinitionId, row.DefinitionKey,
        row.ErrorMessage is null ? null : row.ElementId,
        Dtos.Utc(row.DueAt), row.Retries, row.ErrorMessage, row.Suspended, Dtos.Utc(row.CreateTime));
}
