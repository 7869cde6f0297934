using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bpm.Engine.Storage;

/// <summary>
/// Lets SQLite itself wait for its single write lock (<c>PRAGMA busy_timeout</c>), with the short, growing pauses of its
/// own busy handler, instead of failing at once and leaving the retry to the driver.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
