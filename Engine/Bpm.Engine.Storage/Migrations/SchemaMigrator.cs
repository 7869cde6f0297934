using System.Data;
using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Storage.Migrations;

/// <summary>
/// Applies the numbered SQL scripts of the configured provider that the database has not seen yet, each in
/// its own transaction, recording them in <c>bpm_schema_version</c>. On PostgreSQL an advisory lock keeps
/// several engine nodes starting at once from migrating twice.
/// </summary>
public sealed class SchemaMigrator(BpmDbContext db, DatabaseProvider provider)
{
    private const long AdvisoryLockKey = 0x42504D5F4D4947; // "BPM_MIG"

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open) await connection.OpenAsync(cancellationToken);
        if (provider == DatabaseProvider.PostgreSql) await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, null,
                "CREATE TABLE IF NOT EXISTS bpm_schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
                cancellationToken);
            var applied = new HashSet<int>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT version FROM bpm_schema_version";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetInt32(0));
            }
            var done = new List<string>();
            foreach (var (version, name, sql) in Scripts())
            {
                if (applied.Contains(version)) continue;
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, sql, cancellationToken);
                await ExecuteAsync(connection, transaction,
                    $"INSERT INTO bpm_schema_version (version, name, applied_at) VALUES ({version}, '{name}', '{DateTime.UtcNow:O}')", cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                done.Add(name);
            }
            return done;
        }
        finally
        {
            if (provider == DatabaseProvider.PostgreSql)
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private IEnumerable<(int Version, string Name, string Sql)> Scripts()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var prefix = $"{assembly.GetName().Name}.Migrations.{provider}.";
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = resource[prefix.Length..^".sql".Length];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return (int.Parse(name[..4], System.Globalization.CultureInfo.InvariantCulture), name, reader.ReadToEnd());
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
