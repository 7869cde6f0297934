using Bpm.Workers.Integrations;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bpm.Workers.Appointments;

/// <summary>Appointment records, one per process instance (so a retried task changes the same row).</summary>
public sealed class AppointmentStore(IOptions<AppointmentsOptions> options, TimeProvider time)
{
    private const string Ddl = """
        SELECT pg_advisory_xact_lock(727002);
        CREATE TABLE IF NOT EXISTS appointments (
            id text PRIMARY KEY, process_instance_id text NOT NULL UNIQUE, booking_uid text, name text, email text, phone text,
            demo_at timestamptz, status text NOT NULL, created_at timestamptz NOT NULL, cancelled_at timestamptz, cancel_reason text);
        """;

    /// <summary>Creates (or, on a retry, refreshes) the instance's appointment; returns its id.</summary>
    public async Task<string> UpsertScheduledAsync(string processInstanceId, string? bookingUid, string? name, string? email, string? phone,
        DateTimeOffset? demoAt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO appointments (id, process_instance_id, booking_uid, name, email, phone, demo_at, status, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, 'scheduled', $8)
            ON CONFLICT (process_instance_id) DO UPDATE SET booking_uid = EXCLUDED.booking_uid, name = EXCLUDED.name,
                email = EXCLUDED.email, phone = EXCLUDED.phone, demo_at = EXCLUDED.demo_at, status = 'scheduled'
            RETURNING id
            """, connection);
        foreach (var value in new object?[] { "apt-" + Guid.NewGuid().ToString("N")[..16], processInstanceId, bookingUid, name, email, phone, demoAt, time.GetUtcNow() })
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Marks the instance's appointment cancelled; false when it never had one.</summary>
    public async Task<bool> CancelAsync(string processInstanceId, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            UPDATE appointments SET status = 'cancelled', cancelled_at = COALESCE(cancelled_at, $2), cancel_reason = $3
            WHERE process_instance_id = $1
            """, connection);
        foreach (var value in new object[] { processInstanceId, time.GetUtcNow(), reason })
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connectionString = Endpoint.Require(options.Value.ConnectionString, $"Appointments database ({AppointmentsOptions.Section}:ConnectionString)");
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var ddl = new NpgsqlCommand(Ddl, connection, transaction)) await ddl.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
