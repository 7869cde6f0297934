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
    public IQueryable<UserTaskRow> Apply(IQueryable<UserTaskRow> query, IQueryable<UserTaskCandidateRow> candidates)
    {
        if (TaskId is not null) query = query.Where(t => t.Id == TaskId);
        if (Assignee is not null) query = query.Where(t => t.Assignee == Assignee);
        if (Unassigned == true) query = query.Where(t => t.Assignee == null);
        if (Assigned == true) query = query.Where(t => t.Assignee != null);
        if (CandidateUser is not null)
        {
            query = query.Where(t => t.Assignee == null
                && candidates.Any(c => c.TaskId == t.Id && c.Kind == UserTaskCandidateRow.User && c.Name == CandidateUser));
        }
        if (CandidateGroup is not null)
        {
            query = query.Where(t => t.Assignee == null
                && candidates.Any(c => c.TaskId == t.Id && c.Kind == UserTaskCandidateRow.Group && c.Name == CandidateGroup));
        }
        if (CandidateGroups is not null)
        {
            var groups = CandidateGroups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            query = query.Where(t => t.Assignee == null
                && candidates.Any(c => c.TaskId == t.Id && c.Kind == UserTaskCandidateRow.Group && groups.Contains(c.Name)));
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
