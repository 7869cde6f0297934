using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Bpm.Engine.Storage;

/// <summary>
/// On PostgreSQL: deletes up to a number of due, unlocked timer and continuation jobs in the caller's transaction
/// and returns them, for that transaction to fire. <c>FOR UPDATE SKIP LOCKED</c> keeps transactions claiming at once
/// (on this node or another) apart; a transaction that rolls back gives its jobs back as they were, and one whose
/// node dies is rolled back by the server.
/// </summary>
internal static class JobClaimQuery
{
    public static Task<List<JobRow>> ClaimAsync(BpmDbContext db, DateTime now, int limit, CancellationToken cancellationToken) =>
        db.Jobs.FromSqlRaw("""
            DELETE FROM bpm_job
            WHERE id IN (
                SELECT id FROM bpm_job
                WHERE due_at <= @now AND retries > 0 AND NOT suspended AND kind <> @timerStart
                  AND (lock_expiration IS NULL OR lock_expiration <= @now)
                ORDER BY due_at
                LIMIT @limit
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """,
            new NpgsqlParameter("now", now), new NpgsqlParameter("timerStart", JobRow.TimerStart), new NpgsqlParameter("limit", limit))
            .AsNoTracking().ToListAsync(cancellationToken);
}
