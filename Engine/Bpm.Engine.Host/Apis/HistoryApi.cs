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
        group.MapGet("/activity-instance", async (BpmDbContext db, DefinitionCache definitions, StorageOptions storage, string? processInstanceId, string? activityId,
            string? activityType, bool? finished, bool? unfinished, bool? canceled, int? firstResult, int? maxResults, CancellationToken ct) =>
        {
            // Projected as the task stand-ins are: EF Core unites two queries of one shape, not rows with projections.
            var query = db.ActivityInstances.AsNoTracking().Select(a => new ActivityInstanceRow
            {
                Id = a.Id, ProcessInstanceId = a.ProcessInstanceId, ParentActivityInstanceId = a.ParentActivityInstanceId, ActivityId = a.ActivityId,
                ActivityName = a.ActivityName, ActivityType = a.ActivityType, TaskId = a.TaskId, Assignee = a.Assignee, StartTime = a.StartTime,
                EndTime = a.EndTime, Canceled = a.Canceled,
            });
            if (storage.History != HistoryLevel.None && finished != true && canceled != true && activityType is null or WaitingServiceTasks.ActivityType)
                query = query.Concat(WaitingServiceTasks.Query(db));
            if (processInstanceId is not null) query = query.Where(a => a.ProcessInstanceId == processInstanceId);
            if (activityId is not null) query = query.Where(a => a.ActivityId == activityId);
            if (activityType is not null) query = query.Where(a => a.ActivityType == activityType);
            if (finished == true) query = query.Where(a => a.EndTime != null);
            if (unfinished == true) query = query.Where(a => a.EndTime == null);
            if (canceled == true) query = query.Where(a => a.Canceled);
            // The definition is the instance's: history rows do not repeat it. Ids made later sort later, and the
            // tokens of one command get theirs in the order they enter their nodes.
            var rows = await query
                .Join(db.ProcessInstances, a => a.ProcessInstanceId, p => p.Id, (a, p) => new { Activity = a, p.DefinitionId, p.DefinitionKey })
                .OrderBy(r => r.Activity.StartTime).ThenBy(r => r.Activity.Id).Page(firstResult, maxResults)
                .ToListAsync(ct);
            // A waiting task's activity is read from its task row, which has no name: the model has it.
            foreach (var row in rows.Where(r => r.Activity is { EndTime: null, ActivityName: null }))
                row.Activity.ActivityName = (await definitions.GetAsync(db, row.DefinitionId, ct)).Node(row.Activity.ActivityId).Name;
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
