using Bpm.Contracts.Rest;
using Bpm.Engine.Errors;
using Bpm.Engine.Host.Infrastructure;
using Bpm.Engine.Storage;
using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Host.Apis;

public static class HistoryApi
{
    public static RouteGroupBuilder MapHistoryApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/history").WithTags("History");
        group.MapGet("/process-instance", async (BpmDbContext db, string? processInstanceId, string? processDefinitionKey, string? processInstanceBusinessKey,
            string? superProcessInstanceId, bool? finished, bool? unfinished, string? state, int? firstResult, int? maxResults, CancellationToken ct) =>
        {
            var query = db.ProcessInstances.AsNoTracking();
            if (superProcessInstanceId is not null) query = query.Where(p => p.SuperProcessInstanceId == superProcessInstanceId);
            if (processInstanceId is not null) query = query.Where(p => p.Id == processInstanceId);
            if (processDefinitionKey is not null) query = query.Where(p => p.DefinitionKey == processDefinitionKey);
            if (processInstanceBusinessKey is not null) query = query.Where(p => p.BusinessKey == processInstanceBusinessKey);
            if (finished == true) query = query.Where(p => p.EndTime != null);
            if (unfinished == true) query = query.Where(p => p.EndTime == null);
            if (state is not null) query = query.Where(p => p.State == state);
            var rows = await query.OrderBy(p => p.StartTime).Page(firstResult, maxResults).ToListAsync(ct);
            var definitions = await DefinitionsAsync(db, rows, ct);
            return JsonResult.Ok(rows.Select(r => Dtos.History(r, definitions.GetValueOrDefault(r.DefinitionId))).ToList());
        });
        group.MapGet("/process-instance/{id}", async (BpmDbContext db, string id, CancellationToken ct) =>
        {
            var row = await db.ProcessInstances.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct)
                ?? throw EngineException.NotFound($"Historic process instance with id '{id}' does not exist");
            var definition = await db.ProcessDefinitions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == row.DefinitionId, ct);
            return JsonResult.Ok(Dtos.History(row, definition));
        });
        group.MapGet("/activity-instance", async (BpmDbContext db, string? processInstanceId, string? activityId, string? activityType,
            bool? finished, bool? unfinished, bool? canceled, int? firstResult, int? maxResults, CancellationToken ct) =>
        {
            var query = db.ActivityInstances.AsNoTracking();
            if (processInstanceId is not null) query = query.Where(a => a.ProcessInstanceId == processInstanceId);
            if (activityId is not null) query = query.Where(a => a.ActivityId == activityId);
            if (activityType is not null) query = query.Where(a => a.ActivityType == activityType);
            if (finished == true) query = query.Where(a => a.EndTime != null);
            if (unfinished == true) query = query.Where(a => a.EndTime == null);
            if (canceled == true) query = query.Where(a => a.Canceled);
            // The definition is the instance's: history rows do not repeat it.
            var rows = await query
                .Join(db.ProcessInstances, a => a.ProcessInstanceId, p => p.Id, (a, p) => new { Activity = a, p.DefinitionId, p.DefinitionKey })
                .OrderBy(r => r.Activity.Sequence).Page(firstResult, maxResults)
                .ToListAsync(ct);
            return JsonResult.Ok(rows.Select(r => Dtos.Activity(r.Activity, r.DefinitionId, r.DefinitionKey)).ToList());
        });
        return api;
    }

    private static async Task<Dictionary<string, ProcessDefinitionRow>> DefinitionsAsync(BpmDbContext db, List<ProcessInstanceRow> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.DefinitionId).Distinct().ToList();
        return await db.ProcessDefinitions.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
    }
}
