using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Bpm.Engine.Storage;

/// <summary>
/// Selects due, unlocked jobs for acquisition. On PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c>, so nodes
/// acquiring at once never take the same job; SQLite serializes writers.
/// </summary>
internal static class JobLockQuery
{
    public static Task<List<JobRow>> SelectAsync(BpmDbContext db, DatabaseProvider provider, DateTime now, int limit, CancellationToken cancellationToken)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            return db.Jobs.FromSqlRaw("""
                SELECT * FROM bpm_job
                WHERE due_at <= @now AND retries > 0 AND NOT suspended AND (lock_expiration IS NULL OR lock_expiration <= @now)
                ORDER BY due_at
                LIMIT @limit
                FOR UPDATE SKIP LOCKED
                """, new NpgsqlParameter("now", now), new NpgsqlParameter("limit", limit)).AsTracking().ToListAsync(cancellationToken);
        }
        return db.Jobs
            .Where(j => j.DueAt <= now && j.Retries > 0 && !j.Suspended && (j.LockExpiration == null || j.LockExpiration <= now))
            .OrderBy(j => j.DueAt)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }
}
