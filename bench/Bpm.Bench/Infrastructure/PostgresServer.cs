using Npgsql;

namespace Bpm.Bench.Infrastructure;

/// <summary>A private PostgreSQL server on a port of its own, made for one bench run and removed after it.</summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _data;
    private readonly List<string> _databases = [];

    private PostgresServer(string bin, string data, int port)
    {
        _bin = bin;
        _data = data;
        Port = port;
    }

    public int Port { get; }
    public string Bin => _bin;
    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Maximum Pool Size=200";

    public static async Task<PostgresServer> StartAsync(int port = 55499)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(Directory.Exists).OrderBy(d => d).LastOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL is not installed (apt-get install postgresql)");
        var data = Path.Combine(Path.GetTempPath(), $"bpm-bench-pg-{Environment.ProcessId}");
        Directory.CreateDirectory(data);
        if (Environment.UserName == "root") await Shell.RunAsync("chown", ["postgres", data]);
        var server = new PostgresServer(bin, data, port);
        await Shell.RunAsPostgresAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8"]);
        await Shell.RunAsPostgresAsync(Path.Combine(bin, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(data, "server.log"), "-w", "-t", "60", "-o", $"-p {port} -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB -c shared_preload_libraries=pg_stat_statements", "start"]);
        await server.ExecuteAsync("CREATE EXTENSION pg_stat_statements");
        return server;
    }

    /// <summary>The CPU time of the server: its postmaster, backends and background workers.</summary>
    public TimeSpan ProcessorTime() =>
        Infrastructure.ProcessorTime.OfTree(int.Parse(File.ReadLines(Path.Combine(_data, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The statements run in <paramref name="database"/> so far, its commits among them.</summary>
    public async Task<StatementCount> StatementsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT coalesce(sum(s.calls), 0)::bigint
                    FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                    WHERE d.datname = $1 AND upper(split_part(ltrim(s.query), ' ', 1)) NOT IN ('BEGIN', 'START', 'COMMIT', 'END', 'ROLLBACK')),
                   (SELECT xact_commit FROM pg_stat_database WHERE datname = $1),
                   (pg_current_wal_lsn() - '0/0')::bigint
            """, connection) { Parameters = { new() { Value = database } } };
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new StatementCount(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public async Task<string> CreateDatabaseAsync(string name)
    {
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE); CREATE DATABASE {name}");
        _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// Vacuums <paramref name="database"/> now, so that the dead rows its last load left are not cleaned by autovacuum
    /// while something else is measured. No checkpoint is forced: right after one, every page an update first touches
    /// is written whole to the write-ahead log, which costs pgbench's updates, spread over all its accounts, more than
    /// the engine's, which mostly fill new pages.
    /// </summary>
    /// <param name="table">One table of the database alone, or all of them; a name fixed in the bench's code, never given.</param>
    public Task VacuumAsync(string database, string? table = null) => ExecuteAsync($"VACUUM {table}", database);

    /// <summary>
    /// Drops the databases created so far, so that the next scenario does not share the server with their autovacuum
    /// and their dirty pages.
    /// </summary>
    public async Task DropDatabasesAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var name in _databases) await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        _databases.Clear();
    }

    private async Task ExecuteAsync(string sql, string database = "postgres")
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await Shell.RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-m", "immediate", "stop"]);
        }
        catch (InvalidOperationException)
        {
        }
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
