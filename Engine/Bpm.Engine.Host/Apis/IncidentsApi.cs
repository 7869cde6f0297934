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
        return api;
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
