using Npgsql;

namespace Bpm.Engine.Host.Tests.Infrastructure;

/// <summary>A fresh, empty database for one engine under test: a new SQLite file or a new PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>The PostgreSQL server the tests use; <c>tests/postgres.sh</c> starts one and the test script sets this.</summary>
    public const string ServerVariable = "BPM_TEST_POSTGRES";

    private readonly string? _folder;
    private readonly string? _databaseName;

    private TestDatabase(string provider, string connectionString, string? folder, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _folder = folder;
        _databaseName = databaseName;
    }

    public string Provider { get; }
    public string ConnectionString { get; }

    public static TestDatabase Sqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bpm-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new TestDatabase("Sqlite", $"Data Source={Path.Combine(folder, "bpm.db")}", folder, null);
    }

    public static async Task<TestDatabase> PostgreSqlAsync()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException($"{ServerVariable} is not set: start a server with tests/postgres.sh and set it to the connection string it prints (tests/run.sh does both)");
        var name = "bpm_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase("PostgreSql", builder.ConnectionString, null, name);
    }

    /// <summary>
    /// How many rows of <paramref name="table"/> hold <paramref name="value"/> in <paramref name="column"/>, read straight
    /// from the database: for what the API does not show, such as rows left behind.
    /// </summary>
    public async Task<long> CountAsync(string table, string column, string value)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE {column} = @value";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@value";
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Runs <paramref name="sql"/> straight on the database: for what the API cannot do, such as a change by another node.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row <paramref name="sql"/> gives, read straight from the database.</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// PostgreSQL: the entries of a B-tree index on all its leaf pages, live or dead (not yet vacuumed), without the
    /// high key that a leaf page other than the rightmost holds.
    /// </summary>
    public async Task<int> IndexEntriesAsync(string index)
    {
        await ExecuteAsync("CREATE EXTENSION IF NOT EXISTS pageinspect");
        return await ScalarAsync<int>($"""
            SELECT (sum(s.live_items + s.dead_items) - count(*) FILTER (WHERE s.btpo_next <> 0))::int
            FROM generate_series(1, pg_relation_size('{index}') / current_setting('block_size')::int - 1) AS p,
                 LATERAL bt_page_stats('{index}', p::int) AS s
            WHERE s.type = 'l'
            """);
    }

    /// <summary>A connection of its own to the database, open.</summary>
    public async Task<System.Data.Common.DbConnection> OpenAsync()
    {
        System.Data.Common.DbConnection connection = Provider == "Sqlite"
            ? new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString)
            : new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }
        if (_databaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(ServerVariable));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
