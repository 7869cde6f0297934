using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Bpm.Engine.Storage;

/// <summary>
/// On PostgreSQL: writes what a transaction of many commands changes most — the instances it starts and changes, the
/// external tasks it creates, the history rows it starts and closes — as one statement over arrays per kind of write
/// instead of one statement per row, and leaves everything else of the unit of work to <c>SaveChanges</c>. An instance
/// changed by someone else meanwhile fails the transaction as <c>SaveChanges</c> would, with a
/// <see cref="DbUpdateConcurrencyException"/>.
/// </summary>
internal static class PostgreSqlBulkWriter
{
    private static readonly HashSet<string> InstanceColumns =
        [nameof(ProcessInstanceRow.State), nameof(ProcessInstanceRow.EndTime), nameof(ProcessInstanceRow.Document), nameof(ProcessInstanceRow.Revision)];

    private static readonly HashSet<string> ClosingColumns = [nameof(ActivityInstanceRow.EndTime), nameof(ActivityInstanceRow.Canceled)];

    public static async Task WriteAsync(BpmDbContext db, CancellationToken cancellationToken)
    {
        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        List<EntityEntry<ProcessInstanceRow>> instances, newInstances;
        List<EntityEntry<ExternalTaskRow>> newTasks;
        List<EntityEntry<ActivityInstanceRow>> started, closed;
        try
        {
            var allInstances = tracker.Entries<ProcessInstanceRow>().ToList();
            instances = allInstances.Where(e => e.State == EntityState.Modified && Changes(e, InstanceColumns)).ToList();
            newInstances = allInstances.Where(e => e.State == EntityState.Added).ToList();
            newTasks = tracker.Entries<ExternalTaskRow>().Where(e => e.State == EntityState.Added).ToList();
            var history = tracker.Entries<ActivityInstanceRow>().ToList();
            started = history.Where(e => e.State == EntityState.Added).ToList();
            closed = history.Where(e => e.State == EntityState.Modified && Changes(e, ClosingColumns)).ToList();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
        if (instances.Count + newInstances.Count + newTasks.Count + started.Count + closed.Count == 0) return;

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException("Bulk writes belong in a transaction");
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (newInstances.Count > 0) batch.BatchCommands.Add(InsertInstances(newInstances.Select(e => e.Entity).ToList()));
        if (newTasks.Count > 0) batch.BatchCommands.Add(InsertTasks(newTasks.Select(e => e.Entity).ToList()));
        if (started.Count > 0) batch.BatchCommands.Add(Insert(started.Select(e => e.Entity).ToList()));
        if (closed.Count > 0) batch.BatchCommands.Add(Close(closed.Select(e => e.Entity).ToList()));
        NpgsqlBatchCommand? update = null;
        if (instances.Count > 0) batch.BatchCommands.Add(update = Update(instances));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        if (update is not null && update.RecordsAffected != instances.Count)
            throw new DbUpdateConcurrencyException($"{instances.Count - update.RecordsAffected} of {instances.Count} process instances were changed meanwhile");

        foreach (var entry in instances) entry.State = EntityState.Unchanged;
        foreach (var entry in newInstances) entry.State = EntityState.Unchanged;
        foreach (var entry in newTasks) entry.State = EntityState.Unchanged;
        foreach (var entry in started) entry.State = EntityState.Unchanged;
        foreach (var entry in closed) entry.State = EntityState.Unchanged;
    }

    private static bool Changes<T>(EntityEntry<T> entry, HashSet<string> columns) where T : class =>
        entry.Properties.Where(p => p.IsModified).All(p => columns.Contains(p.Metadata.Name));

    private static NpgsqlBatchCommand InsertInstances(List<ProcessInstanceRow> rows) => new("""
        INSERT INTO bpm_process_instance (id, definition_id, definition_key, business_key, super_process_instance_id, state, start_time,
                                          end_time, document, revision)
        SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        """)
    {
        Parameters =
        {
            Array(NpgsqlDbType.Text, rows.Select(r => r.Id)),
            Array(NpgsqlDbType.Text, rows.Select(r => r.DefinitionId)),
            Array(NpgsqlDbType.Text, rows.Select(r => r.DefinitionKey)),
            Array(NpgsqlDbType.Text, rows.Select(r => r.BusinessKey)),
            Array(NpgsqlDbType.Text, rows.Select(r => r.SuperProcessInstanceId)),
            Array(NpgsqlDbType.Text, rows.Select(r => r.State)),
            Array(NpgsqlDbType.TimestampTz, rows.Select(r => r.StartTime)),
            Array(NpgsqlDbType.TimestampTz, rows.Select(r => r.EndTime)),
            Array(NpgsqlDbType.Text, rows.Select(r => r.Document)),
            Array(NpgsqlDbType.Integer, rows.Select(r => r.Revision)),
        },
    };

    private static NpgsqlBatchCommand InsertTasks(List<ExternalTaskRow> rows) => new("""
        INSERT INTO bpm_external_task (id, process_instance_id, definition_id, definition_key, activity_id, topic, business_key, worker_id,
                                       lock_expiration, lock_token, attempts, retries, error_message, error_details, priority, create_time,
                                       available_from, suspended, retry_backoff_ms)
        SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
        """)
    {
        Parameters =
        {
            Array(NpgsqlDbType.Text, rows.Select(r => r.Id)),
            Array(NpgsqlDbType.Text, rows.Select(r => r.ProcessInstanceId)),
            Array(NpgsqlDbType.Text, rows.Select(r => r.DefinitionId)),
            Array(NpgsqlDbType.Text, rows.Select(r => r.DefinitionKey)),
            Array(NpgsqlDbType.Text, rows.Select(r => r.ActivityId)),
            Array(NpgsqlDbType.Text, rows.Select(r => r.Topic)),
            Array(NpgsqlDbType.Text, rows.Select(r => r.BusinessKey)),
            Array(NpgsqlDbType.Text, rows.Select(r => r.WorkerId)),
            Array(NpgsqlDbType.TimestampTz, rows.Select(r => r.LockExpiration)),
            Array(NpgsqlDbType.Text, rows.Select(r => r.LockToken)),
            Array(NpgsqlDbType.Integer, rows.Select(r => r.Attempts)),
            Array(NpgsqlDbType.Integer, rows.Select(r => r.Retries)),
            Array(NpgsqlDbType.Text, rows.Select(r => r.ErrorMessage)),
            Array(NpgsqlDbType.Text, rows.Select(r => r.ErrorDetails)),
            Array(NpgsqlDbType.Bigint, rows.Select(r => r.Priority)),
            Array(NpgsqlDbType.TimestampTz, rows.Select(r => r.CreateTime)),
            Array(NpgsqlDbType.TimestampTz, rows.Select(r => r.AvailableFrom)),
            Array(NpgsqlDbType.Boolean, rows.Select(r => r.Suspended)),
            Array(NpgsqlDbType.Bigint, rows.Select(r => r.RetryBackoffMs)),
        },
    };

    private static NpgsqlBatchCommand Insert(List<ActivityInstanceRow> rows) => new("""
        INSERT INTO bpm_activity_instance (id, process_instance_id, definition_id, definition_key, parent_activity_instance_id, activity_id,
                                           activity_name, activity_type, task_id, assignee, start_time, end_time, canceled, sequence)
        SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
        """)
    {
        Parameters =
        {
            Array(NpgsqlDbType.Text, rows.Select(r => r.Id)),
            Array(NpgsqlDbType.Text, rows.Select(r => r.ProcessInstanceId)),
            Array(NpgsqlDbType.Text, rows.Select(r => r.DefinitionId)),
            Array(NpgsqlDbType.Text, rows.Select(r => r.DefinitionKey)),
            Array(NpgsqlDbType.Text, rows.Select(r => r.ParentActivityInstanceId)),
            Array(NpgsqlDbType.Text, rows.Select(r => r.ActivityId)),
            Array(NpgsqlDbType.Text, rows.Select(r => r.ActivityName)),
            Array(NpgsqlDbType.Text, rows.Select(r => r.ActivityType)),
            Array(NpgsqlDbType.Text, rows.Select(r => r.TaskId)),
            Array(NpgsqlDbType.Text, rows.Select(r => r.Assignee)),
            Array(NpgsqlDbType.TimestampTz, rows.Select(r => r.StartTime)),
            Array(NpgsqlDbType.TimestampTz, rows.Select(r => r.EndTime)),
            Array(NpgsqlDbType.Boolean, rows.Select(r => r.Canceled)),
            Array(NpgsqlDbType.Bigint, rows.Select(r => r.Sequence)),
        },
    };

    private static NpgsqlBatchCommand Close(List<ActivityInstanceRow> rows) => new("""
        UPDATE bpm_activity_instance AS a SET end_time = v.end_time, canceled = v.canceled
        FROM unnest($1, $2, $3) AS v(id, end_time, canceled)
        WHERE a.id = v.id
        """)
    {
        Parameters =
        {
            Array(NpgsqlDbType.Text, rows.Select(r => r.Id)),
            Array(NpgsqlDbType.TimestampTz, rows.Select(r => r.EndTime)),
            Array(NpgsqlDbType.Boolean, rows.Select(r => r.Canceled)),
        },
    };

    private static NpgsqlBatchCommand Update(List<EntityEntry<ProcessInstanceRow>> entries) => new("""
        UPDATE bpm_process_instance AS p SET state = v.state, end_time = v.end_time, document = v.document, revision = v.revision
        FROM unnest($1, $2, $3, $4, $5, $6) AS v(id, state, end_time, document, revision, original_revision)
        WHERE p.id = v.id AND p.revision = v.original_revision
        """)
    {
        Parameters =
        {
            Array(NpgsqlDbType.Text, entries.Select(e => e.Entity.Id)),
            Array(NpgsqlDbType.Text, entries.Select(e => e.Entity.State)),
            Array(NpgsqlDbType.TimestampTz, entries.Select(e => e.Entity.EndTime)),
            Array(NpgsqlDbType.Text, entries.Select(e => e.Entity.Document)),
            Array(NpgsqlDbType.Integer, entries.Select(e => e.Entity.Revision)),
            Array(NpgsqlDbType.Integer, entries.Select(e => e.Property(r => r.Revision).OriginalValue)),
        },
    };

    private static NpgsqlParameter Array<T>(NpgsqlDbType type, IEnumerable<T> values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | type, Value = values.ToArray() };
}
