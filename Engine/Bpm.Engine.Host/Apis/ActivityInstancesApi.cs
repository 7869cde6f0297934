using Bpm.Contracts.Rest;
using Bpm.Engine.Host.Infrastructure;
using Bpm.Engine.Storage;
using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Host.Apis;

/// <summary>
/// <c>GET /process-instance/{id}/activity-instances</c>: where the tokens of a running instance are now, as
/// Camunda's tree of activity instances, built from the unfinished activity instances in history.
/// </summary>
public static class ActivityInstancesApi
{
    public static RouteGroupBuilder MapActivityInstancesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/process-instance/{id}/activity-instances", TreeAsync).WithTags("Process Instance");
        return api;
    }

    private static async Task<IResult> TreeAsync(BpmDbContext db, string id, CancellationToken ct)
    {
        var instance = await db.ProcessInstances.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (instance is null || instance.State is not ("ACTIVE" or "SUSPENDED"))
            throw Errors.EngineException.NotFound($"Process instance with id '{id}' does not exist or has ended");
        var open = await db.ActivityInstances.AsNoTracking()
            .Where(a => a.ProcessInstanceId == id && a.EndTime == null)
            .OrderBy(a => a.Sequence).ToListAsync(ct);
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.ProcessInstanceId == id).ToListAsync(ct);
        var children = open.ToLookup(a => a.ParentActivityInstanceId);
        var incidentsOf = incidents.ToLookup(i => i.Configuration);

        ActivityInstanceDto Node(ActivityInstanceRow row)
        {
            // An incident names the stopped token (the activity instance) or, for an external task, the task.
            var own = incidentsOf[row.Id].Concat(row.TaskId is null ? [] : incidentsOf[row.TaskId]).DistinctBy(i => i.Id).ToList();
            return new ActivityInstanceDto(row.Id, row.ParentActivityInstanceId, row.ActivityId, row.ActivityType, id, row.DefinitionId,
                children[row.Id].Select(Node).ToList(), [], [row.Id], row.ActivityName,
                own.Select(i => i.Id).ToList(), own.Select(i => new ActivityInstanceIncidentDto(i.Id, row.Id)).ToList());
        }

        return JsonResult.Ok(new ActivityInstanceDto(id, null, instance.DefinitionId, "processDefinition", id, instance.DefinitionId,
            children[id].Select(Node).ToList(), [], [id], null, [], []));
    }
}
