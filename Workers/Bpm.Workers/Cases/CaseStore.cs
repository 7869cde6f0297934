using System.Text.Json.Nodes;
using Bpm.Workers.Pms;
using Npgsql;

namespace Bpm.Workers.Cases;

/// <summary>Debt cases due for a call and the log of their calls, in the PMS database.</summary>
public sealed class CaseStore(PmsDatabase database, TimeProvider time)
{
    /// <summary>
    /// Claims up to <paramref name="limit"/> open cases whose call is due (status becomes <c>calling</c>), so
    /// two schedulers never call the same debtor twice.
    /// </summary>
    public async Task<JsonArray> ClaimDueAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            UPDATE debt_cases SET status = 'calling', last_call_at = @now
            WHERE id IN (SELECT id FROM debt_cases WHERE status = 'open' AND next_call_at <= @now
                         ORDER BY next_call_at, id LIMIT @limit FOR UPDATE SKIP LOCKED)
            RETURNING id, tenant_id, debtor_name, phone, next_call_at
            """, connection);
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        command.Parameters.AddWithValue("limit", limit);
        var rows = new List<(DateTime due, JsonObject json)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add((reader.GetDateTime(4), new JsonObject
            {
                ["caseId"] = reader.GetString(0),
                ["tenantId"] = reader.GetString(1),
                ["debtorName"] = reader.IsDBNull(2) ? null : reader.GetString(2),
                ["phone"] = reader.IsDBNull(3) ? null : reader.GetString(3),
            }));
        return new JsonArray([.. rows.OrderBy(r => r.due).Select(r => (JsonNode)r.json)]);
    }

    /// <summary>Records the call's outcome under its provider reference (idempotent) and sets the case's status.</summary>
    public async Task RecordCallAsync(string caseId, string callSid, string logStatus, string? summary, string caseStatus, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        var log = new NpgsqlBatchCommand("""
            INSERT INTO interaction_logs (provider_ref, case_id, channel, status, summary, updated_at) VALUES ($1, $2, 'call', $3, $4, $5)
            ON CONFLICT (provider_ref) DO UPDATE SET status = EXCLUDED.status, summary = COALESCE(EXCLUDED.summary, interaction_logs.summary),
                updated_at = EXCLUDED.updated_at
            """);
        foreach (var value in new object?[] { callSid, caseId, logStatus, summary, time.GetUtcNow() })
            log.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        var status = new NpgsqlBatchCommand("UPDATE debt_cases SET status = $2 WHERE id = $1");
        status.Parameters.Add(new NpgsqlParameter { Value = caseId });
        status.Parameters.Add(new NpgsqlParameter { Value = caseStatus });
        batch.BatchCommands.Add(log);
        batch.BatchCommands.Add(status);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
