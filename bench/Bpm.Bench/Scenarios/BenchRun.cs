using Bpm.Bench.Infrastructure;

namespace Bpm.Bench.Scenarios;

/// <summary>
/// What scenarios share in one run: the options, one private PostgreSQL server, started when first needed, and
/// pgbench's peak on it, measured when first needed.
/// </summary>
public sealed class BenchRun(BenchOptions options) : IAsyncDisposable
{
    private PostgresServer? _postgres;
    private PgbenchRun? _pgbench;

    public BenchOptions Options { get; } = options;

    public async Task<PostgresServer> PostgresAsync() => _postgres ??= await PostgresServer.StartAsync();

    /// <summary>
    /// <c>pgbench -N</c> at its peak on the run's server (<see cref="Pgbench.PeakAsync"/>), measured once per run, after
    /// the databases made so far are dropped, so that their vacuum does not weigh on it.
    /// </summary>
    public async Task<PgbenchRun> PgbenchAsync()
    {
        if (_pgbench is not null) return _pgbench;
        var postgres = await PostgresAsync();
        await postgres.DropDatabasesAsync();
        return _pgbench = await Pgbench.PeakAsync(postgres, Options.Duration);
    }

    /// <summary>After a scenario: what it left on the shared server goes, so that it does not weigh on the next one.</summary>
    public async Task CleanAsync()
    {
        if (_postgres is not null) await _postgres.DropDatabasesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null) await _postgres.DisposeAsync();
    }
}
