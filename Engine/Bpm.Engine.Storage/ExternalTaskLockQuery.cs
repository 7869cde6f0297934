using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Bpm.Engine.Storage;

/// <summary>
/// Locks the fetchable external tasks of one topic for a worker, each under a fresh lock token, and gives them in fetch
/// order. On PostgreSQL one statement picks them with <c>FOR UPDATE SKIP LOCKED</c>, so concurrent workers never receive
/// the same task, and locks them; on SQLite, which serializes writers, they are selected and locked as tracked rows
/// that the caller saves in its transaction.
/// </summary>
internal static class ExternalTaskLockQuery
{
    public static async Task<List<ExternalTaskRow>> LockAsync(
        BpmDbContext db, DatabaseProvider provider, FetchTopic topic, int limit, bool usePriority, DateTime now, string workerId,
        CancellationToken cancellationToken)
    {
        if (provider == DatabaseProvider.PostgreSql) return await LockInOneStatementAsync(db, topic, limit, usePriority, now, workerId, cancellationToken);
        var rows = await SelectAsync(db, topic, limit, usePriority, now, cancellationToken);
        foreach (var row in rows)
        {
            row.WorkerId = workerId;
            row.LockExpiration = now.AddMilliseconds(topic.LockDuration);
            row.LockToken = Guid.NewGuid().ToString("N");
            row.Attempts++;
        }
        return rows;
    }

    private static Task<List<ExternalTaskRow>> SelectAsync(
        BpmDbContext db, FetchTopic topic, int limit, bool usePriority, DateTime now, CancellationToken cancellationToken)
    {
        var query = db.ExternalTasks.Where(t =>
            t.Topic == topic.TopicName && !t.Suspended && (t.Retries == null || t.Retries > 0)
            && (t.LockExpiration == null || t.LockExpiration <= now)
            && (t.AvailableFrom == null || t.AvailableFrom <= now));
        if (topic.BusinessKey is not null) query = query.Where(t => t.BusinessKey == topic.BusinessKey);
        if (topic.ProcessDefinitionKeys is { Count: > 0 } keys) query = query.Where(t => keys.Contains(t.DefinitionKey));
        if (topic.ProcessDefinitionIds is { Count: > 0 } ids) query = query.Where(t => ids.Contains(t.DefinitionId));
        query = usePriority ? query.OrderByDescending(t => t.Priority).ThenBy(t => t.CreateTime) : query.OrderBy(t => t.CreateTime);
        return query.Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>PostgreSQL: one statement (one round trip, its own transaction), its rows put back in fetch order.</summary>
    private static async Task<List<ExternalTaskRow>> LockInOneStatementAsync(
        BpmDbContext db, FetchTopic topic, int limit, bool usePriority, DateTime now, string workerId, CancellationToken cancellationToken)
    {
        var parameters = new List<NpgsqlParameter>
        {
            new("topic", topic.TopicName),
            new("now", now),
            new("limit", limit),
            new("worker", workerId),
            new("expiration", now.AddMilliseconds(topic.LockDuration)),
        };
        var sql = """
            UPDATE bpm_external_task AS t
            SET worker_id = @worker, lock_expiration = @expiration, lock_token = replace(gen_random_uuid()::text, '-', ''), attempts = t.attempts + 1
            FROM (SELECT id FROM bpm_external_task
            WHERE topic = @topic AND NOT suspended AND (retries IS NULL OR retries > 0)
              AND (lock_expiration IS NULL OR lock_expiration <= @now)
              AND (available_from IS NULL OR available_from <= @now)
            """;
        if (topic.BusinessKey is not null)
        {
            sql += " AND business_key = @businessKey";
            parameters.Add(new NpgsqlParameter("businessKey", topic.BusinessKey));
        }
        if (topic.ProcessDefinitionKeys is { Count: > 0 })
        {
            sql += " AND definition_key = ANY(@keys)";
            parameters.Add(new NpgsqlParameter("keys", topic.ProcessDefinitionKeys.ToArray()));
        }
        if (topic.ProcessDefinitionIds is { Count: > 0 })
        {
            sql += " AND definition_id = ANY(@ids)";
            parameters.Add(new NpgsqlParameter("ids", topic.ProcessDefinitionIds.ToArray()));
        }
        sql += usePriority ? " ORDER BY priority DESC, create_time" : " ORDER BY create_time";
        sql += " LIMIT @limit FOR UPDATE SKIP LOCKED) AS picked WHERE t.id = picked.id RETURNING t.*";
        var rows = await db.ExternalTasks.FromSqlRaw(sql, parameters.Cast<object>().ToArray()).AsNoTracking().ToListAsync(cancellationToken);
        return usePriority
            ? [.. rows.OrderByDescending(t => t.Priority).ThenBy(t => t.CreateTime)]
            : [.. rows.OrderBy(t => t.CreateTime)];
    }
}
