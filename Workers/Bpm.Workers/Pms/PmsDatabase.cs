using Bpm.Workers.Integrations;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bpm.Workers.Pms;

/// <summary>The PMS tables: connections, and idempotent upserts of what a sync read (keyed by connection and external id).</summary>
public sealed class PmsDatabase(IOptions<PmsOptions> options, TimeProvider time)
{
    public Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        PmsSchema.OpenAsync(Endpoint.Require(options.Value.ConnectionString, $"PMS database ({PmsOptions.Section}:ConnectionString)"), cancellationToken);

    public async Task<PmsConnection?> FindConnectionAsync(string connectionId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT id, tenant_id, provider, base_url, encrypted_credentials FROM pms_connections WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", connectionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new PmsConnection(reader.GetString(0), reader.GetString(1), reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4));
    }

    /// <summary>Inserts or updates every row of <paramref name="snapshot"/> in one transaction; running it twice changes nothing.</summary>
    public async Task UpsertAsync(PmsConnection pms, PmsSnapshot snapshot, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch)
        {
            foreach (var d in snapshot.Debtors)
                batch.BatchCommands.Add(Command("""
                    INSERT INTO pms_debtors (connection_id, external_id, tenant_id, name, email, phone, synced_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7)
                    ON CONFLICT (connection_id, external_id) DO UPDATE SET
                        tenant_id = EXCLUDED.tenant_id, name = EXCLUDED.name, email = EXCLUDED.email, phone = EXCLUDED.phone, synced_at = EXCLUDED.synced_at
                    """, pms.Id, d.ExternalId, pms.TenantId, d.Name, d.Email, d.Phone, now));
            foreach (var l in snapshot.Leases)
                batch.BatchCommands.Add(Command("""
                    INSERT INTO pms_leases (connection_id, external_id, tenant_id, debtor_external_id, unit, start_date, end_date, monthly_rent, synced_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                    ON CONFLICT (connection_id, external_id) DO UPDATE SET
                        tenant_id = EXCLUDED.tenant_id, debtor_external_id = EXCLUDED.debtor_external_id, unit = EXCLUDED.unit,
                        start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date, monthly_rent = EXCLUDED.monthly_rent, synced_at = EXCLUDED.synced_at
                    """, pms.Id, l.ExternalId, pms.TenantId, l.DebtorExternalId, l.Unit, l.StartDate, l.EndDate, l.MonthlyRent, now));
            foreach (var c in snapshot.Charges)
                batch.BatchCommands.Add(Command("""
                    INSERT INTO ar_charges (connection_id, external_id, tenant_id, lease_external_id, amount, due_date, description, synced_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                    ON CONFLICT (connection_id, external_id) DO UPDATE SET
                        tenant_id = EXCLUDED.tenant_id, lease_external_id = EXCLUDED.lease_external_id, amount = EXCLUDED.amount,
                        due_date = EXCLUDED.due_date, description = EXCLUDED.description, synced_at = EXCLUDED.synced_at
                    """, pms.Id, c.ExternalId, pms.TenantId, c.LeaseExternalId, c.Amount, c.DueDate, c.Description, now));
            foreach (var p in snapshot.Payments)
                batch.BatchCommands.Add(Command("""
                    INSERT INTO ar_payments (connection_id, external_id, tenant_id, lease_external_id, amount, paid_at, synced_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7)
                    ON CONFLICT (connection_id, external_id) DO UPDATE SET
                        tenant_id = EXCLUDED.tenant_id, lease_external_id = EXCLUDED.lease_external_id, amount = EXCLUDED.amount,
                        paid_at = EXCLUDED.paid_at, synced_at = EXCLUDED.synced_at
                    """, pms.Id, p.ExternalId, pms.TenantId, p.LeaseExternalId, p.Amount, p.PaidAt, now));
            batch.BatchCommands.Add(Command("UPDATE pms_connections SET last_synced_at = $2 WHERE id = $1", pms.Id, now));
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }
}
