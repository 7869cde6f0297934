using Bpm.Bench.Infrastructure;

namespace Bpm.Bench.Scenarios;

/// <summary>What scenarios share in one run: the options and one private PostgreSQL server, started when first needed.</summary>
public sealed class BenchRun(BenchOptions options) : IAsyncDisposable
{
    private PostgresServer? _postgres;

    public BenchOptions Options { get; } = options;

    public async Task<PostgresServer> PostgresAsync() => _postgres ??= await PostgresServer.StartAsync();

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
