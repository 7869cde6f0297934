using Bpm.Contracts.Rest;
using Bpm.Engine.Host.Infrastructure;
using Bpm.Engine.Storage;
using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Host.Apis;

public static class IncidentsApi
{
    public static RouteGroupBuilder MapIncidentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/incident").WithTags("Incident");
        group.MapGet("", async (BpmDbContext db, string? incidentId, string? incidentType, string? processInstanceId, string? processDefinitionId,
            string? activityId, string? configuration, int? firstResult, int? maxResults, CancellationToken ct) =>
        {
            var rows = await Query(db, incidentId, incidentType, processInstanceId, processDefinitionId, activityId, configuration)
                .OrderBy(i => i.Timestamp).Page(firstResult, maxResults).ToListAsync(ct);
            return JsonResult.Ok(rows.Select(Dtos.Incident).ToList());
        });
        group.MapGet("/count", async (BpmDbContext db, string? incidentId, string? incidentType, string? processInstanceId, string? processDefinitionId,
            string? activityId, string? configuration, CancellationToken ct) =>
            JsonResult.Ok(new CountDto(await Query(db, incidentId, incidentType, processInstanceId, processDefinitionId, activityId, configuration).LongCountAsync(ct))));
        group.MapPost("/{id}/retry", RetryAsync).RequireOperators("retry incidents");
        return api;
    }

    /// <summary>
    /// Retries what an incident stopped: an external task gets one retry and can be fetched again; a token
    /// stopped by a failing expression, script or uncaught error runs its step once more.
    /// </summary>
    private static async Task<IResult> RetryAsync(BpmDbContext db, ExternalTaskService externalTasks, ProcessInstanceService instances, string id, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw Errors.EngineException.NotFound($"Incident with id '{id}' does not exist");
        if (incident.IncidentType == Runtime.IncidentTypes.FailedExternalTask) await externalTasks.SetRetriesAsync(incident.Configuration, 1, ct);
        else await instances.RetryAsync(incident.ProcessInstanceId, incident.Configuration, ct);
        return Results.NoContent();
    }

    private static IQueryable<IncidentRow> Query(BpmDbContext db, string? id, string? type, string? instanceId, string? definitionId, string? activityId, string? configuration)
    {
        var query = db.Incidents.AsNoTracking();
        if (id is not null) query = query.Where(i => i.Id == id);
        if (type is not null) query = query.Where(i => i.IncidentType == type);
        if (instanceId is not null) query = query.Where(i => i.ProcessInstanceId == instanceId);
        if (definitionId is not null) query = query.Where(i => i.DefinitionId == definitionId);
        if (activityId is not null) query = query.Where(i => i.ActivityId == activityId);
        if (configuration is not null) query = query.Where(i => i.Configuration == configuration);
        return query;
    }
}
