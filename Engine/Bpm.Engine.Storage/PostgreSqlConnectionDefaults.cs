using System.Data.Common;
using Npgsql;

namespace Bpm.Engine.Storage;

/// <summary>
/// What the engine adds to a PostgreSQL connection string that does not say otherwise: automatic preparation of the
/// statements it runs over and over (loading an instance, writing it and its history, claiming jobs), so that the
/// server parses and plans each once per connection instead of once per call. <c>Max Auto Prepare=0</c> turns it
/// off, as a connection pooler in transaction mode that cannot keep prepared statements needs.
/// </summary>
public static class PostgreSqlConnectionDefaults
{
    public const int MaxAutoPrepare = 64;
    public const int AutoPrepareMinUsages = 2;

    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (Says(given, "MaxAutoPrepare")) return connectionString;
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = MaxAutoPrepare };
        if (!Says(given, "AutoPrepareMinUsages")) builder.AutoPrepareMinUsages = AutoPrepareMinUsages;
        return builder.ConnectionString;
    }

    private static bool Says(DbConnectionStringBuilder given, string keyword) =>
        given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals(keyword, StringComparison.OrdinalIgnoreCase));
}
