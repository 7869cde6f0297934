using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Bpm.Engine.Storage;

/// <summary>
/// External tasks with their instances' rows, as raw PostgreSQL statements give them (<see cref="TaskColumns"/>, then
/// <see cref="InstanceColumns"/>): the lock statement's, and the read of the tasks that a group of completions answers.
/// Read from Npgsql's reader straight into rows, without EF's query pipeline.
/// </summary>
internal static class TaskWithInstanceReader
{
    /// <summary>Runs <paramref name="command"/> in the transaction of <paramref name="db"/>, if any; an instance is null where it is gone.</summary>
    public static async Task<List<(ExternalTaskRow Task, ProcessInstanceRow? Instance)>> ReadAsync(BpmDbContext db, NpgsqlCommand command, CancellationToken cancellationToken)
    {
        command.Connection = (NpgsqlConnection)db.Database.GetDbConnection();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var rows = new List<(ExternalTaskRow, ProcessInstanceRow?)>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                rows.Add((ReadTask(reader), reader.IsDBNull(TaskColumns.Length) ? null : ReadInstance(reader, TaskColumns.Length)));
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The columns of a task as <see cref="ReadTask"/> takes them.</summary>
    public static readonly string[] TaskColumns =
    [
        "id", "process_instance_id", "definition_id", "definition_key", "activity_id", "topic", "business_key", "worker_id",
        "lock_expiration", "lock_token", "attempts", "retries", "error_message", "error_details", "priority", "create_time",
        "available_from", "suspended", "retry_backoff_ms",
    ];

    private static ExternalTaskRow ReadTask(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0),
        ProcessInstanceId = reader.GetString(1),
        DefinitionId = reader.GetString(2),
        DefinitionKey = reader.GetString(3),
        ActivityId = reader.GetString(4),
        Topic = reader.GetString(5),
        BusinessKey = Nullable<string>(reader, 6),
        WorkerId = Nullable<string>(reader, 7),
        LockExpiration = reader.IsDBNull(8) ? null : reader.GetDateTime(8),
        LockToken = Nullable<string>(reader, 9),
        Attempts = reader.GetInt32(10),
        Retries = reader.IsDBNull(11) ? null : reader.GetInt32(11),
        ErrorMessage = Nullable<string>(reader, 12),
        ErrorDetails = Nullable<string>(reader, 13),
        Priority = reader.GetInt64(14),
        CreateTime = reader.GetDateTime(15),
        AvailableFrom = reader.IsDBNull(16) ? null : reader.GetDateTime(16),
        Suspended = reader.GetBoolean(17),
        RetryBackoffMs = reader.IsDBNull(18) ? null : reader.GetInt64(18),
    };

    /// <summary>The columns of an instance as <see cref="ReadInstance"/> takes them, after a task's.</summary>
    public static readonly string[] InstanceColumns =
        ["id", "definition_id", "definition_key", "business_key", "super_process_instance_id", "state", "start_time", "end_time", "document", "revision"];

    private static ProcessInstanceRow ReadInstance(NpgsqlDataReader reader, int first) => new()
    {
        Id = reader.GetString(first),
        DefinitionId = reader.GetString(first + 1),
        DefinitionKey = reader.GetString(first + 2),
        BusinessKey = Nullable<string>(reader, first + 3),
        SuperProcessInstanceId = Nullable<string>(reader, first + 4),
        State = reader.GetString(first + 5),
        StartTime = reader.GetDateTime(first + 6),
        EndTime = reader.IsDBNull(first + 7) ? null : reader.GetDateTime(first + 7),
        Document = reader.GetString(first + 8),
        Revision = reader.GetInt32(first + 9),
    };

    private static T? Nullable<T>(NpgsqlDataReader reader, int ordinal) where T : class =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
}
