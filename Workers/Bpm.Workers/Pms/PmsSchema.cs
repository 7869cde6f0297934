using System.Collections.Concurrent;
using Npgsql;

namespace Bpm.Workers.Pms;

/// <summary>Creates the PMS and case tables when they are missing, once per database and process.</summary>
public static class PmsSchema
{
    private static readonly ConcurrentDictionary<string, bool> Ensured = new();

    private const string Ddl = """
        SELECT pg_advisory_xact_lock(727001);
        CREATE TABLE IF NOT EXISTS pms_connections (
            id text PRIMARY KEY, tenant_id text NOT NULL, provider text NOT NULL, base_url text,
            encrypted_credentials text NOT NULL, status text NOT NULL DEFAULT 'connected', last_synced_at timestamptz);
        CREATE TABLE IF NOT EXISTS pms_debtors (
            connection_id text NOT NULL, external_id text NOT NULL, tenant_id text NOT NULL, name text NOT NULL,
            email text, phone text, synced_at timestamptz NOT NULL, PRIMARY KEY (connection_id, external_id));
        CREATE TABLE IF NOT EXISTS pms_leases (
            connection_id text NOT NULL, external_id text NOT NULL, tenant_id text NOT NULL, debtor_external_id text NOT NULL,
            unit text, start_date date, end_date date, monthly_rent numeric(14,2), synced_at timestamptz NOT NULL,
            PRIMARY KEY (connection_id, external_id));
        CREATE TABLE IF NOT EXISTS ar_charges (
            connection_id text NOT NULL, external_id text NOT NULL, tenant_id text NOT NULL, lease_external_id text NOT NULL,
            amount numeric(14,2) NOT NULL, due_date date, description text, synced_at timestamptz NOT NULL,
            PRIMARY KEY (connection_id, external_id));
        CREATE TABLE IF NOT EXISTS ar_payments (
            connection_id text NOT NULL, external_id text NOT NULL, tenant_id text NOT NULL, lease_external_id text NOT NULL,
            amount numeric(14,2) NOT NULL, paid_at timestamptz, synced_at timestamptz NOT NULL,
            PRIMARY KEY (connection_id, external_id));
        CREATE TABLE IF NOT EXISTS debt_cases (
            id text PRIMARY KEY, tenant_id text NOT NULL, debtor_name text, phone text, status text NOT NULL DEFAULT 'open',
            next_call_at timestamptz, last_call_at timestamptz);
        CREATE TABLE IF NOT EXISTS interaction_logs (
            provider_ref text PRIMARY KEY, case_id text NOT NULL, channel text NOT NULL, status text NOT NULL,
            summary text, updated_at timestamptz NOT NULL);
        """;

    public static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (!Ensured.ContainsKey(connectionString))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var command = new NpgsqlCommand(Ddl, connection, transaction))
                    await command.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                Ensured[connectionString] = true;
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
