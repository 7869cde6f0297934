using Bpm.Engine.Storage.Entities;

namespace Bpm.Engine.Host.Apis;

/// <summary>The filters of <c>GET /job</c> and <c>/job/count</c>, named as in Camunda's REST API.</summary>
public sealed record JobQuery(
    string? JobId,
    string? ProcessInstanceId,
    string? ProcessDefinitionId,
    string? ProcessDefinitionKey,
    string? ActivityId,
    bool? Timers,
    bool? Executable,
    bool? WithException,
    bool? NoRetriesLeft,
    bool? Active,
    bool? Suspended)
{
    public IQueryable<JobRow> Apply(IQueryable<JobRow> jobs)
    {
        if (JobId is not null) jobs = jobs.Where(j => j.Id == JobId);
        if (ProcessInstanceId is not null) jobs = jobs.Where(j => j.ProcessInstanceId == ProcessInstanceId);
        if (ProcessDefinitionId is not null) jobs = jobs.Where(j => j.DefinitionId == ProcessDefinitionId);
        if (ProcessDefinitionKey is not null) jobs = jobs.Where(j => j.DefinitionKey == ProcessDefinitionKey);
        if (ActivityId is not null) jobs = jobs.Where(j => j.ElementId == ActivityId);
        if (Timers == true) jobs = jobs.Where(j => j.Kind != JobRow.Continuation);
        if (Executable == true) jobs = jobs.Where(j => j.Retries > 0 && !j.Suspended);
        if (WithException == true) jobs = jobs.Where(j => j.ErrorMessage != null);
        if (NoRetriesLeft == true) jobs = jobs.Where(j => j.Retries == 0);
        if (Active == true) jobs = jobs.Where(j => !j.Suspended);
        if (Suspended == true) jobs = jobs.Where(j => j.Suspended);
        return jobs;
    }
}
