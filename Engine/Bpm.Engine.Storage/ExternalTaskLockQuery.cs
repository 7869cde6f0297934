using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Bpm.Engine.Storage;

/// <summary>
/// Locks the fetchable external tasks of one topic for a worker, each under a fresh lock token, and gives them in fetch
/// order, with the rows of their instances. On PostgreSQL one statement picks them with <c>FOR UPDATE SKIP
/// LOCKED</c>, so concurrent workers never receive the same task, locks them and reads their instances; on SQLite,
/// which serializes writers, they are selected and locked as tracked rows that the caller saves in its transaction.
/// </summary>
/// <remarks>
/// The walk in fetch order reads past the tasks that workers hold locked (the oldest, so the first), about 350 pages a
/// fetch under the durable benchmark's twelve workers. Indexing only the unlocked tasks halves that, but then a lock
/// changes an indexed column: the lock can no longer update the row in place on its page, and writes a new entry in
/// every index of the table. Measured, the server spent more CPU time per instance that way, not less.
/// </remarks>
internal static class ExternalTaskLockQuery
{
    /// <returns>The tasks locked, each with its instance's row (null when the instance is gone).</returns>
    public static async Task<List<(ExternalTaskRow Task, ProcessInstanceRow? Instance)>> LockAsync(
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
        var instanceIds = rows.Select(r => r.ProcessInstanceId).Distinct().ToList();
        var instances = await db.ProcessInstances.AsNoTracking()
            .Where(p => instanceIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        return [.. rows.Select(r => (r, instances.GetValueOrDefault(r.ProcessInstanceId)))];
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

    /// <summary>
    /// PostgreSQL: one statement (one round trip, its own transaction) locks the tasks and reads their instances' rows,
    /// in fetch order.
    /// </summary>
    private static async Task<List<(ExternalTaskRow Task, ProcessInstanceRow? Instance)>> LockInOneStatementAsync(
        BpmDbContext db, FetchTopic topic, int limit, bool usePriority, DateTime now, string workerId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand();
        string Parameter<T>(T value)
        {
            command.Parameters.Add(new NpgsqlParameter<T> { TypedValue = value });
            return "$" + command.Parameters.Count;
        }
        var (worker, expiration, topicName, at) =
            (Parameter(workerId), Parameter(now.AddMilliseconds(topic.LockDuration)), Parameter(topic.TopicName), Parameter(now));
        var sql = $"""
            WITH locked AS (
                UPDATE bpm_external_task AS t
                SET worker_id = {worker}, lock_expiration = {expiration}, lock_token = replace(gen_random_uuid()::text, '-', ''),
                    attempts = t.attempts + 1
                FROM (SELECT id FROM bpm_external_task
                WHERE topic = {topicName} AND NOT suspended AND (retries IS NULL OR retries > 0)
                  AND (lock_expiration IS NULL OR lock_expiration <= {at})
                  AND (available_from IS NULL OR available_from <= {at})
            """;
        if (topic.BusinessKey is not null) sql += $" AND business_key = {Parameter(topic.BusinessKey)}";
        if (topic.ProcessDefinitionKeys is { Count: > 0 } keys) sql += $" AND definition_key = ANY({Parameter(keys.ToArray())})";
        if (topic.ProcessDefinitionIds is { Count: > 0 } ids) sql += $" AND definition_id = ANY({Parameter(ids.ToArray())})";
        sql += $"""
             ORDER BY {(usePriority ? "priority DESC, create_time" : "create_time")} LIMIT {Parameter(limit)} FOR UPDATE SKIP LOCKED) AS picked
                WHERE t.id = picked.id
                RETURNING {string.Join(", ", TaskWithInstanceReader.TaskColumns.Select(c => "t." + c))})
            SELECT locked.*, {string.Join(", ", TaskWithInstanceReader.InstanceColumns.Select(c => "p." + c))}
            FROM locked LEFT JOIN bpm_process_instance AS p ON p.id = locked.process_instance_id
            ORDER BY {(usePriority ? "locked.priority DESC, locked.create_time" : "locked.create_time")}
            """;
        command.CommandText = sql;
        return await TaskWithInstanceReader.ReadAsync(db, command, cancellationToken);
    }
}
