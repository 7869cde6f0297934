using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Bpm.Engine.Storage;

/// <summary>
/// On PostgreSQL: writes what a transaction of commands changes most — the instances it starts and changes, the
/// external and user tasks it creates and ends (with the user tasks' candidates), the history rows it starts and
/// closes — in one round trip, with the transaction's <c>COMMIT</c> when nothing else is left to write; what is left
/// goes to <c>SaveChanges</c>. New rows go in as one statement over arrays per table; a row that changes or goes is
/// written by its key, a statement each. An instance changed, or a task ended, by someone else meanwhile fails the
/// statement that writes it, and so the round trip before its <c>COMMIT</c> (<c>bpm_expect_row</c>), which the caller
/// hears as the <see cref="DbUpdateConcurrencyException"/> that <c>SaveChanges</c> would have thrown.
/// </summary>
/// <remarks>
/// A prepared statement that joins many keys to a table keeps the plan made for the size the table had then, until the
/// table is next analyzed: on a young database, a scan of the whole table, reused while the table grows by thousands of
/// rows a second (3.9 ms a call where its lookups by key take 0.03 each); on the task queue, whose deleted rows outnumber its
/// live ones until vacuum comes by, a scan at any age. A lookup by one key is planned as an index lookup at every size
/// that matters. Nor is one statement over arrays cheaper for the rows that change: the instances and history rows of a
/// group written that way, each looked up by its key and written where it was found, cost the server about twice the
/// time per row that a statement each costs it in the same round trip (48 against 23 µs per instance, 38 against 19 per
/// history row, in the durable benchmark).
/// </remarks>
internal static class PostgreSqlBulkWriter
{
    private static readonly HashSet<string> InstanceColumns =
        [nameof(ProcessInstanceRow.State), nameof(ProcessInstanceRow.EndTime), nameof(ProcessInstanceRow.Document), nameof(ProcessInstanceRow.Revision)];

    private static readonly HashSet<string> ClosingColumns = [nameof(ActivityInstanceRow.EndTime), nameof(ActivityInstanceRow.Canceled)];

    private static readonly ArrayInsert<ProcessInstanceRow> InstanceInsert = new("bpm_process_instance")
    {
        { "id", NpgsqlDbType.Text, r => r.Id },
        { "definition_id", NpgsqlDbType.Text, r => r.DefinitionId },
        { "definition_key", NpgsqlDbType.Text, r => r.DefinitionKey },
        { "business_key", NpgsqlDbType.Text, r => r.BusinessKey },
        { "super_process_instance_id", NpgsqlDbType.Text, r => r.SuperProcessInstanceId },
        { "state", NpgsqlDbType.Text, r => r.State },
        { "start_time", NpgsqlDbType.TimestampTz, r => r.StartTime },
        { "end_time", NpgsqlDbType.TimestampTz, r => r.EndTime },
        { "document", NpgsqlDbType.Text, r => r.Document },
        { "revision", NpgsqlDbType.Integer, r => r.Revision },
    };

    private static readonly ArrayInsert<ExternalTaskRow> TaskInsert = new("bpm_external_task")
    {
        { "id", NpgsqlDbType.Text, r => r.Id },
        { "process_instance_id", NpgsqlDbType.Text, r => r.ProcessInstanceId },
        { "definition_id", NpgsqlDbType.Text, r => r.DefinitionId },
        { "definition_key", NpgsqlDbType.Text, r => r.DefinitionKey },
        { "activity_id", NpgsqlDbType.Text, r => r.ActivityId },
        { "topic", NpgsqlDbType.Text, r => r.Topic },
        { "business_key", NpgsqlDbType.Text, r => r.BusinessKey },
        { "worker_id", NpgsqlDbType.Text, r => r.WorkerId },
        { "lock_expiration", NpgsqlDbType.TimestampTz, r => r.LockExpiration },
        { "lock_token", NpgsqlDbType.Text, r => r.LockToken },
        { "attempts", NpgsqlDbType.Integer, r => r.Attempts },
        { "retries", NpgsqlDbType.Integer, r => r.Retries },
        { "error_message", NpgsqlDbType.Text, r => r.ErrorMessage },
        { "error_details", NpgsqlDbType.Text, r => r.ErrorDetails },
        { "priority", NpgsqlDbType.Bigint, r => r.Priority },
        { "create_time", NpgsqlDbType.TimestampTz, r => r.CreateTime },
        { "available_from", NpgsqlDbType.TimestampTz, r => r.AvailableFrom },
        { "suspended", NpgsqlDbType.Boolean, r => r.Suspended },
        { "retry_backoff_ms", NpgsqlDbType.Bigint, r => r.RetryBackoffMs },
    };

    private static readonly ArrayInsert<ActivityInstanceRow> HistoryInsert = new("bpm_activity_instance")
    {
        { "id", NpgsqlDbType.Text, r => r.Id },
        { "process_instance_id", NpgsqlDbType.Text, r => r.ProcessInstanceId },
        { "parent_activity_instance_id", NpgsqlDbType.Text, r => r.ParentActivityInstanceId },
        { "activity_id", NpgsqlDbType.Text, r => r.ActivityId },
        { "activity_name", NpgsqlDbType.Text, r => r.ActivityName },
        { "activity_type", NpgsqlDbType.Text, r => r.ActivityType },
        { "task_id", NpgsqlDbType.Text, r => r.TaskId },
        { "assignee", NpgsqlDbType.Text, r => r.Assignee },
        { "start_time", NpgsqlDbType.TimestampTz, r => r.StartTime },
        { "end_time", NpgsqlDbType.TimestampTz, r => r.EndTime },
        { "canceled", NpgsqlDbType.Boolean, r => r.Canceled },
    };

    /// <summary>History rows written when their external task ended: inserted, or closed where they are stored already.</summary>
    private static readonly ArrayInsert<ActivityInstanceRow> HistoryWrite =
        HistoryInsert.OnConflict("(id) DO UPDATE SET end_time = excluded.end_time, canceled = excluded.canceled");

    private static readonly ArrayInsert<UserTaskRow> UserTaskInsert = new("bpm_user_task")
    {
        { "id", NpgsqlDbType.Text, r => r.Id },
        { "process_instance_id", NpgsqlDbType.Text, r => r.ProcessInstanceId },
        { "definition_id", NpgsqlDbType.Text, r => r.DefinitionId },
        { "definition_key", NpgsqlDbType.Text, r => r.DefinitionKey },
        { "task_definition_key", NpgsqlDbType.Text, r => r.TaskDefinitionKey },
        { "business_key", NpgsqlDbType.Text, r => r.BusinessKey },
        { "name", NpgsqlDbType.Text, r => r.Name },
        { "assignee", NpgsqlDbType.Text, r => r.Assignee },
        { "form_key", NpgsqlDbType.Text, r => r.FormKey },
        { "create_time", NpgsqlDbType.TimestampTz, r => r.CreateTime },
        { "due", NpgsqlDbType.TimestampTz, r => r.Due },
        { "follow_up", NpgsqlDbType.TimestampTz, r => r.FollowUp },
        { "priority", NpgsqlDbType.Integer, r => r.Priority },
        { "suspended", NpgsqlDbType.Boolean, r => r.Suspended },
    };

    private static readonly ArrayInsert<UserTaskCandidateRow> CandidateInsert = new("bpm_user_task_candidate")
    {
        { "task_id", NpgsqlDbType.Text, r => r.TaskId },
        { "kind", NpgsqlDbType.Text, r => r.Kind },
        { "name", NpgsqlDbType.Text, r => r.Name },
        { "create_time", NpgsqlDbType.TimestampTz, r => r.CreateTime },
    };

    /// <summary>SQLSTATE of a write that did not find the row it had to (see <c>bpm_expect_row</c>).</summary>
    private const string RowMissed = "BPM01";

    /// <returns>
    /// Whether the transaction is committed: when <c>SaveChanges</c> has nothing left to write, the writes and the
    /// <c>COMMIT</c> go in one round trip, and the context, done with, is left as it is for the caller to dispose; else
    /// the rows written are marked so, and the caller saves the rest and commits.
    /// </returns>
    /// <param name="assumed">Versions the transaction's starts took as the latest of their keys without reading them: checked first.</param>
    public static async Task<bool> WriteAsync(BpmDbContext db, IReadOnlyList<(string Key, string Id)> assumed, CancellationToken cancellationToken)
    {
        var tracker = db.ChangeTracker;
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            DetectChanges(tracker);
            var commands = new List<NpgsqlBatchCommand>();
            var written = new List<EntityEntry>();
            var gone = new List<EntityEntry>();

            void Insert<T>(ArrayInsert<T> insert, List<EntityEntry<T>> entries, Func<T, bool>? which = null) where T : class
            {
                var added = entries.Where(e => e.State == EntityState.Added && (which is null || which(e.Entity))).ToList();
                if (added.Count == 0) return;
                commands.Add(insert.For([.. added.Select(e => e.Entity)]));
                written.AddRange(added);
            }

            void Change<T>(List<EntityEntry<T>> entries, HashSet<string> columns, Func<EntityEntry<T>, NpgsqlBatchCommand> change) where T : class
            {
                var changed = entries.Where(e => e.State == EntityState.Modified && Changes(e, columns)).ToList();
                commands.AddRange(changed.Select(change));
                written.AddRange(changed);
            }

            void Delete<T>(List<EntityEntry<T>> entries, Func<EntityEntry<T>, NpgsqlBatchCommand> delete) where T : class
            {
                var deleted = entries.Where(e => e.State == EntityState.Deleted).ToList();
                commands.AddRange(deleted.Select(delete));
                gone.AddRange(deleted);
            }

            commands.AddRange(assumed.Select(a => Latest(a.Key, a.Id)));
            var instances = tracker.Entries<ProcessInstanceRow>().ToList();
            var externalTasks = tracker.Entries<ExternalTaskRow>().ToList();
            var history = tracker.Entries<ActivityInstanceRow>().ToList();
            var userTasks = tracker.Entries<UserTaskRow>().ToList();
            var candidates = tracker.Entries<UserTaskCandidateRow>().ToList();
            Insert(InstanceInsert, instances);
            Insert(TaskInsert, externalTasks);
            Insert(HistoryInsert, history, r => !r.MayBeStored);
            Insert(HistoryWrite, history, r => r.MayBeStored);
            Insert(UserTaskInsert, userTasks);
            Insert(CandidateInsert, candidates);
            Change(history, ClosingColumns, e => Close(e.Entity));
            Change(instances, InstanceColumns, Update);
            Delete(externalTasks, EndTask);
            Delete(userTasks, e => Command(UserTaskDelete, Value(e.Entity.Id)));
            Delete(candidates, e => Command(CandidateDelete, Value(e.Entity.TaskId), Value(e.Entity.Kind), Value(e.Entity.Name)));
            if (commands.Count == 0) return false;
            var leftover = tracker.Entries().Count(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) > written.Count + gone.Count;
            if (!leftover) commands.Add(new NpgsqlBatchCommand("COMMIT"));
            await ExecuteAsync(db, commands, cancellationToken);
            if (!leftover) return true;
            // The rows added are marked written below, as unchanged: their snapshots must first hold what was written,
            // or SaveChanges would take the changes made since they were added for changes to write.
            tracker.DetectChanges();
            foreach (var entry in written) entry.State = EntityState.Unchanged;
            foreach (var entry in gone) entry.State = EntityState.Detached;
            return false;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }

    /// <summary>
    /// Finds what changed in the rows the transaction read (an instance's new state, say). A row it added is inserted
    /// with the values it has when written, so it is not compared with its snapshot here: in a group of starts every row
    /// is new, in a group of completions most are.
    /// </summary>
    private static void DetectChanges(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Modified) entry.DetectChanges();
        }
    }

    /// <summary>
    /// Sends the commands in one round trip, in the transaction of <paramref name="db"/>. A write that missed its row
    /// fails the whole batch, as <c>SaveChanges</c> would, with a <see cref="DbUpdateConcurrencyException"/>.
    /// </summary>
    private static async Task ExecuteAsync(BpmDbContext db, List<NpgsqlBatchCommand> commands, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException("Bulk writes belong in a transaction");
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in commands) batch.BatchCommands.Add(command);
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException missed) when (missed.SqlState == RowMissed)
        {
            throw new DbUpdateConcurrencyException(missed.MessageText, missed);
        }
    }

    private static bool Changes<T>(EntityEntry<T> entry, HashSet<string> columns) where T : class =>
        entry.Properties.Where(p => p.IsModified).All(p => columns.Contains(p.Metadata.Name));

    private static NpgsqlBatchCommand Close(ActivityInstanceRow row) =>
        Command(HistoryClose, Value(row.Id), Timestamp(row.EndTime), Value(row.Canceled));

    private static NpgsqlBatchCommand Update(EntityEntry<ProcessInstanceRow> entry) => Command(InstanceUpdate,
        Value(entry.Entity.Id), Value(entry.Entity.State), Timestamp(entry.Entity.EndTime), Value(entry.Entity.Document),
        Value(entry.Entity.Revision), Value(entry.OriginalValues.GetValue<int>(nameof(ProcessInstanceRow.Revision))));

    /// <summary>
    /// Deletes a task as it was read: a lock taken, given back or changed since, or retries set, fail it as a write that
    /// missed its row. The task may have been read by the fetch that locked it (<see cref="LockedTaskMemory"/>).
    /// </summary>
    private static NpgsqlBatchCommand EndTask(EntityEntry<ExternalTaskRow> entry)
    {
        var read = entry.OriginalValues;
        return Command(TaskDelete,
            Value(entry.Entity.Id),
            Value(read.GetValue<string?>(nameof(ExternalTaskRow.LockToken))),
            Timestamp(read.GetValue<DateTime?>(nameof(ExternalTaskRow.LockExpiration))),
            Value(read.GetValue<int?>(nameof(ExternalTaskRow.Retries))));
    }

    /// <summary>Fails, as a write that missed its row, unless <paramref name="id"/> is the latest version of <paramref name="key"/> and not suspended.</summary>
    private static NpgsqlBatchCommand Latest(string key, string id) => Command(LatestCheck, Value(key), Value(id));

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    // The statements' texts are fixed, so that each is prepared once per connection.
    private const string HistoryClose = "UPDATE bpm_activity_instance SET end_time = $2, canceled = $3 WHERE id = $1";

    private static readonly string InstanceUpdate = Expected(
        "UPDATE bpm_process_instance SET state = $2, end_time = $3, document = $4, revision = $5 WHERE id = $1 AND revision = $6",
        "format('Process instance %L was changed meanwhile', $1)");

    private static readonly string TaskDelete = Expected(
        "DELETE FROM bpm_external_task WHERE id = $1 AND lock_token IS NOT DISTINCT FROM $2 AND lock_expiration IS NOT DISTINCT FROM $3 AND retries IS NOT DISTINCT FROM $4",
        "format('External task %L was ended, locked, unlocked or given retries meanwhile', $1)");

    private static readonly string UserTaskDelete = Expected(
        "DELETE FROM bpm_user_task WHERE id = $1", "format('User task %L was ended meanwhile', $1)");

    private static readonly string CandidateDelete = Expected(
        "DELETE FROM bpm_user_task_candidate WHERE task_id = $1 AND kind = $2 AND name = $3",
        "format('Candidate %s %L of user task %L was removed meanwhile', $2, $3, $1)");

    private static readonly string LatestCheck = $"""
        SELECT {Check("format('Process definition %L is no longer the latest startable version of %L', $2, $1)")}
        FROM (SELECT id, suspended FROM bpm_process_definition WHERE key = $1 ORDER BY version DESC LIMIT 1) AS latest
        WHERE id = $2 AND NOT suspended
        """;

    /// <summary>
    /// A write that must find its row: the statement fails when it finds none, with the message that
    /// <paramref name="missed"/>, an SQL expression over the write's parameters, makes.
    /// </summary>
    private static string Expected(string write, string missed) => $"WITH written AS ({write} RETURNING 1) SELECT {Check(missed)} FROM written";

    /// <summary>
    /// Over the rows a statement found: raises <see cref="RowMissed"/> with the message <paramref name="missed"/> makes
    /// when they are none. The message is made, and <c>bpm_expect_row</c> called, only then.
    /// </summary>
    private static string Check(string missed) => $"CASE count(*) WHEN 0 THEN bpm_expect_row(0, {missed}) END";

    private static NpgsqlParameter<T> Value<T>(T value) => new() { TypedValue = value };

    private static NpgsqlParameter<DateTime?> Timestamp(DateTime? value) => new() { TypedValue = value, NpgsqlDbType = NpgsqlDbType.TimestampTz };
}
