using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Bpm.Engine.Storage;

/// <summary>
/// On PostgreSQL: assigns a user task nobody holds and reads what its listeners are told (instance, process, name and
/// candidates) in the same statement, so that a claim is one round trip. Of two concurrent claims the second finds the
/// row taken once the first commits, and assigns nothing.
/// </summary>
internal static class UserTaskClaimQuery
{
    /// <returns>The change the claim made, or null when no unassigned task has that id.</returns>
    public static async Task<UserTaskChange?> ClaimAsync(BpmDbContext db, string taskId, string userId, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQueryRaw<ClaimedRow>("""
            WITH claimed AS (
                UPDATE bpm_user_task SET assignee = @user
                WHERE id = @id AND assignee IS NULL
                RETURNING id, process_instance_id, definition_key, name)
            SELECT claimed.process_instance_id AS "ProcessInstanceId", claimed.definition_key AS "DefinitionKey",
                   claimed.name AS "TaskName", c.kind AS "CandidateKind", c.name AS "CandidateName"
            FROM claimed LEFT JOIN bpm_user_task_candidate AS c ON c.task_id = claimed.id
            """,
            new NpgsqlParameter("id", taskId), new NpgsqlParameter("user", userId))
            .ToListAsync(cancellationToken);
        if (rows.Count == 0) return null;
        var candidates = rows
            .Where(r => r.CandidateKind is not null && r.CandidateName is not null)
            .Select(r => new UserTaskCandidateRow { TaskId = taskId, Kind = r.CandidateKind!, Name = r.CandidateName! });
        return UserTaskChange.Of(UserTaskChange.Assigned, taskId, rows[0].ProcessInstanceId, rows[0].DefinitionKey, rows[0].TaskName, userId, candidates);
    }

    /// <summary>The claimed task with one of its candidates (none when it has none).</summary>
    internal sealed class ClaimedRow
    {
        public required string ProcessInstanceId { get; init; }
        public required string DefinitionKey { get; init; }
        public string? TaskName { get; init; }
        public string? CandidateKind { get; init; }
        public string? CandidateName { get; init; }
    }
}
