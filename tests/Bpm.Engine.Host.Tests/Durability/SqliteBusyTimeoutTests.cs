using Bpm.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bpm.Engine.Host.Tests.Durability;

/// <summary>On SQLite every connection of the engine lets SQLite wait for the write lock itself.</summary>
public sealed class SqliteBusyTimeoutTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bpm-busy-").FullName;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Should_wait_for_the_write_lock_on_every_connection_the_engine_opens(bool openedAsynchronously)
    {
        await using var services = new ServiceCollection()
            .AddBpmEngine(o => o.UseSqlite($"Data Source={Path.Combine(_folder, "bpm.db")};Pooling=False"))
            .BuildServiceProvider();
        await using var db = await services.GetRequiredService<IDbContextFactory<BpmDbContext>>().CreateDbContextAsync();

        if (openedAsynchronously) await db.Database.OpenConnectionAsync();
        else db.Database.OpenConnection();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout";

        Assert.Equal(30_000L, await command.ExecuteScalarAsync());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
