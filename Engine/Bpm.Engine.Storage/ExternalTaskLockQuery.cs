using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Bpm.Engine.Storage;

/// <summary>
/// Selects fetchable external tasks of one topic for locking. On PostgreSQL the rows are locked with
/// <c>FOR UPDATE SKIP LOCKED</c>, so concurrent workers never receive the same task; SQLite serializes writers.
/// </summary>
internal static class ExternalTaskLockQuery
{
    public static Task<List<ExternalTaskRow>> SelectAsync(
        BpmDbContext db, DatabaseProvider provider, FetchTopic topic, int limit, bool usePriority, DateTime now, CancellationToken cancellationToken)
    {
        if (provider == DatabaseProvider.PostgreSql) return SelectForUpdateAsync(db, topic, limit, usePriority, now, cancellationToken);
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

    private static Task<List<ExternalTaskRow>> SelectForUpdateAsync(
        BpmDbContext db, FetchTopic topic, int limit, bool usePriority, DateTime now, CancellationToken cancellationToken)
    {
        var parameters = new List<NpgsqlParameter>
        {
            new("topic", topic.TopicName),
            new("now", now),
            new("limit", limit),
        };
        var sql = """
            SELECT * FROM bpm_external_task
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
        sql += " LIMIT @limit FOR UPDATE SKIP LOCKED";
        return db.ExternalTasks.FromSqlRaw(sql, parameters.Cast<object>().ToArray()).AsTracking().ToListAsync(cancellationToken);
    }
}
