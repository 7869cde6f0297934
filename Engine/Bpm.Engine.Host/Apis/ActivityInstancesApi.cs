using Bpm.Contracts.Rest;
using Bpm.Engine.Host.Infrastructure;
using Bpm.Engine.Runtime;
using Bpm.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Host.Apis;

/// <summary>
/// <c>GET /process-instance/{id}/activity-instances</c>: where the tokens of a running instance are now, as
/// Camunda's tree of activity instances, built from the instance's own state: each token is an activity instance,
/// under the sub-process (or multi-instance body) token that scopes it. History is not read, so the tree is the same
/// at every history level.
/// </summary>
public static class ActivityInstancesApi
{
    public static RouteGroupBuilder MapActivityInstancesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/process-instance/{id}/activity-instances", TreeAsync).WithTags("Process Instance");
        return api;
    }

    private static async Task<IResult> TreeAsync(BpmDbContext db, ProcessInstanceService instances, DefinitionCache definitions, string id, CancellationToken ct)
    {
        var (row, instance) = await instances.GetAsync(id, ct);
        if (instance.IsEnded)
            throw Errors.EngineException.NotFound($"Process instance with id '{id}' does not exist or has ended");
        var definition = await definitions.GetAsync(db, row.DefinitionId, ct);
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.ProcessInstanceId == id).ToListAsync(ct);
        var children = instance.Tokens.ToLookup(t => t.ScopeTokenId ?? id);
        // An incident names the stopped token (the activity instance; for a task, the task, whose id is the token's).
        var incidentsOf = incidents.ToLookup(i => i.Configuration);

        ActivityInstanceDto Node(Token token)
        {
            var node = definition.Node(token.NodeId);
            var own = incidentsOf[token.Id].ToList();
            return new ActivityInstanceDto(token.Id, token.ScopeTokenId ?? id, node.Id, node.ActivityType, id, row.DefinitionId,
                children[token.Id].Select(Node).ToList(), [], [token.Id], node.Name,
                own.Select(i => i.Id).ToList(), own.Select(i => new ActivityInstanceIncidentDto(i.Id, token.Id)).ToList());
        }

        return JsonResult.Ok(new ActivityInstanceDto(id, null, row.DefinitionId, "processDefinition", id, row.DefinitionId,
            children[id].Select(Node).ToList(), [], [id], null, [], []));
    }
}
