using System.Data.Common;
using Npgsql;

namespace Bpm.Engine.Storage;

/// <summary>
/// What the engine adds to a PostgreSQL connection string that does not say otherwise:
/// <list type="bullet">
/// <item>automatic preparation of the statements it runs over and over (loading an instance, writing it and its
/// history, claiming jobs), so that the server parses and plans each once per connection instead of once per call.
/// <c>Max Auto Prepare=0</c> turns it off, as a connection pooler in transaction mode that cannot keep prepared
/// statements needs;</item>
/// <item>no reset of a pooled connection when it is taken again. The engine leaves no session state behind (no
/// <c>SET</c>, temporary table, cursor or <c>LISTEN</c> on its pooled connections, and it releases its one advisory
/// lock itself), so the seven reset statements the driver would otherwise send with the first command of every
/// checkout are work for nothing. <c>No Reset On Close=false</c> brings them back.</item>
/// </list>
/// </summary>
public static class PostgreSqlConnectionDefaults
{
    public const int MaxAutoPrepare = 64;
    public const int AutoPrepareMinUsages = 2;

    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Says(given, "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
            if (!Says(given, "AutoPrepareMinUsages")) builder.AutoPrepareMinUsages = AutoPrepareMinUsages;
        }
        if (!Says(given, "NoResetOnClose")) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    private static bool Says(DbConnectionStringBuilder given, string keyword) =>
        given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals(keyword, StringComparison.OrdinalIgnoreCase));
}
