using Bpm.Engine.Storage.Migrations;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Storage;

/// <summary>Brings the database to the current schema at start; on SQLite also turns on write-ahead logging.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<BpmDbContext> contexts, StorageOptions options)
{
    public async Task<IReadOnlyList<string>> InitializeAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        return await new SchemaMigrator(db, options.Provider).MigrateAsync(cancellationToken);
    }

    /// <summary>True when the database answers; for readiness probes.</summary>
    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken);
    }
}
