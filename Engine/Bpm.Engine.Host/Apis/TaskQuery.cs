using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Host.Apis;

/// <summary>The filters of Camunda's <c>GET /task</c> that this engine supports.</summary>
public sealed record TaskQuery(
    string? TaskId,
    string? Assignee,
    bool? Unassigned,
    bool? Assigned,
    string? CandidateUser,
    string? CandidateGroup,
    string? CandidateGroups,
    string? ProcessInstanceId,
    string? ProcessInstanceBusinessKey,
    string? ProcessDefinitionId,
    string? ProcessDefinitionKey,
    string? TaskDefinitionKey,
    string? Name,
    string? NameLike,
    string? SortBy,
    string? SortOrder)
{
    public IQueryable<UserTaskRow> Apply(IQueryable<UserTaskRow> query)
    {
        if (TaskId is not null) query = query.Where(t => t.Id == TaskId);
        if (Assignee is not null) query = query.Where(t => t.Assignee == Assignee);
        if (Unassigned == true) query = query.Where(t => t.Assignee == null);
        if (Assigned == true) query = query.Where(t => t.Assignee != null);
        if (CandidateUser is not null)
        {
            var pattern = "%," + CandidateUser + ",%";
            query = query.Where(t => t.Assignee == null && EF.Functions.Like(t.CandidateUsers, pattern));
        }
        if (CandidateGroup is not null)
        {
            var pattern = "%," + CandidateGroup + ",%";
            query = query.Where(t => t.Assignee == null && EF.Functions.Like(t.CandidateGroups, pattern));
        }
        if (CandidateGroups is not null)
        {
            var groups = CandidateGroups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            query = query.Where(t => t.Assignee == null);
            var matching = groups.Select(g => "%," + g + ",%").ToList();
            if (matching.Count > 0) query = query.Where(t => matching.Any(p => EF.Functions.Like(t.CandidateGroups, p)));
        }
        if (ProcessInstanceId is not null) query = query.Where(t => t.ProcessInstanceId == ProcessInstanceId);
        if (ProcessInstanceBusinessKey is not null) query = query.Where(t => t.BusinessKey == ProcessInstanceBusinessKey);
        if (ProcessDefinitionId is not null) query = query.Where(t => t.DefinitionId == ProcessDefinitionId);
        if (ProcessDefinitionKey is not null) query = query.Where(t => t.DefinitionKey == ProcessDefinitionKey);
        if (TaskDefinitionKey is not null) query = query.Where(t => t.TaskDefinitionKey == TaskDefinitionKey);
        if (Name is not null) query = query.Where(t => t.Name == Name);
        if (NameLike is not null) query = query.Where(t => t.Name != null && EF.Functions.Like(t.Name, NameLike));
        return query;
    }
}
