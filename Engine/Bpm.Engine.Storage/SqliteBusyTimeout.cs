using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bpm.Engine.Storage;

/// <summary>
/// Lets SQLite itself wait for its single write lock, with the short, growing pauses of its own busy handler, instead
/// of failing at once and leaving the retry to the driver. It waits as long as the connection's <c>Default Timeout</c>
/// lets a command run (30 s unless the connection string says otherwise). A call on the native handle, not a statement:
/// it runs on every open of a pooled connection.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        var sqlite = (SqliteConnection)connection;
        SQLitePCL.raw.sqlite3_busy_timeout(sqlite.Handle, sqlite.DefaultTimeout * 1000);
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ConnectionOpened(connection, eventData);
        return Task.CompletedTask;
    }
}
