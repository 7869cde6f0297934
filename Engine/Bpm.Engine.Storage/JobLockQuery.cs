using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Bpm.Engine.Storage;

/// <summary>
/// Locks due, unlocked jobs in the name of a node and returns them. On PostgreSQL one statement selects them with
/// <c>FOR UPDATE SKIP LOCKED</c>, so nodes acquiring at once never take the same job, and writes the locks; SQLite
/// serializes writers, so a select and one update in the caller's transaction do the same.
/// </summary>
internal static class JobLockQuery
{
    /// <param name="timerStartsOnly">Whether only timer start events are wanted (the others being claimed in batches).</param>
    public static async Task<List<JobRow>> LockAsync(
        BpmDbContext db, DatabaseProvider provider, string owner, DateTime now, DateTime expiration, int limit, bool timerStartsOnly,
        CancellationToken cancellationToken)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            return await db.Jobs.FromSqlRaw("""
                UPDATE bpm_job SET lock_owner = @owner, lock_expiration = @expiration
                WHERE id IN (
                    SELECT id FROM bpm_job
                    WHERE due_at <= @now AND retries > 0 AND NOT suspended AND (lock_expiration IS NULL OR lock_expiration <= @now)
                      AND (NOT @timerStartsOnly OR kind = @timerStart)
                    ORDER BY due_at
                    LIMIT @limit
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """,
                new NpgsqlParameter("owner", owner), new NpgsqlParameter("expiration", expiration),
                new NpgsqlParameter("now", now), new NpgsqlParameter("limit", limit),
                new NpgsqlParameter("timerStartsOnly", timerStartsOnly), new NpgsqlParameter("timerStart", JobRow.TimerStart))
                .AsNoTracking().ToListAsync(cancellationToken);
        }
        var jobs = await db.Jobs.AsNoTracking()
            .Where(j => j.DueAt <= now && j.Retries > 0 && !j.Suspended && (j.LockExpiration == null || j.LockExpiration <= now))
            .Where(j => !timerStartsOnly || j.Kind == JobRow.TimerStart)
            .OrderBy(j => j.DueAt)
            .Take(limit)
            .ToListAsync(cancellationToken);
        var ids = jobs.Select(j => j.Id).ToList();
        await db.Jobs.Where(j => ids.Contains(j.Id)).ExecuteUpdateAsync(set => set
            .SetProperty(j => j.LockOwner, owner)
            .SetProperty(j => j.LockExpiration, expiration), cancellationToken);
        return jobs;
    }

    /// <summary>On PostgreSQL: locks the given jobs that are still unlocked in the name of a node and returns them.</summary>
    public static Task<List<JobRow>> LockAsync(
        BpmDbContext db, IReadOnlyList<string> ids, string owner, DateTime now, DateTime expiration, CancellationToken cancellationToken) =>
        db.Jobs.FromSqlRaw("""
            UPDATE bpm_job SET lock_owner = @owner, lock_expiration = @expiration
            WHERE id = ANY(@ids) AND (lock_expiration IS NULL OR lock_expiration <= @now)
            RETURNING *
            """,
            new NpgsqlParameter("owner", owner), new NpgsqlParameter("expiration", expiration),
            new NpgsqlParameter("now", now), new NpgsqlParameter("ids", ids.ToArray())).AsNoTracking().ToListAsync(cancellationToken);
}
