using Bpm.Engine.Host.Tests.Infrastructure;
using Bpm.Engine.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bpm.Engine.Host.Tests.Durability;

/// <summary>
/// On PostgreSQL, the engine vacuums a queue table once the rows deleted from it reach the threshold, and leaves it
/// alone below: fetches never wade through more dead rows than that.
/// </summary>
public sealed class QueueVacuumTests
{
    private const string DeadTaskRows = "SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = 'bpm_external_task'";

    [Fact]
    public async Task Should_vacuum_the_external_task_queue_once_its_dead_rows_reach_the_threshold()
    {
        await using var database = await TestDatabase.PostgreSqlAsync();
        await using var services = await InProcessEngine.StartAsync(database, "service-task.bpmn");
        var instances = services.GetRequiredService<ProcessInstanceService>();
        var vacuum = services.GetRequiredService<QueueVacuum>();
        services.GetRequiredService<StorageOptions>().QueueVacuum.DeadRows = 10;
        var started = new List<string>();
        for (var i = 0; i < 12; i++) started.Add((await instances.StartByKeyAsync("single-task", null, null, null, CancellationToken.None)).Id);

        var early = await vacuum.RunOnceAsync(CancellationToken.None);
        foreach (var id in started) await instances.CancelAsync(id, CancellationToken.None);
        await DeadTaskRowsAsync(database, atLeast: 12);
        var due = await vacuum.RunOnceAsync(CancellationToken.None);

        Assert.DoesNotContain("bpm_external_task", early);
        Assert.Contains("bpm_external_task", due);
        Assert.Equal(0L, await database.ScalarAsync<long>(DeadTaskRows));
        Assert.Empty(await vacuum.RunOnceAsync(CancellationToken.None));
    }

    /// <summary>
    /// Waits for the server's statistics to count the deleted rows: a backend reports them when it ends, or after ten
    /// seconds idle, so the engine's pooled connections are closed first.
    /// </summary>
    private static async Task DeadTaskRowsAsync(TestDatabase database, long atLeast)
    {
        NpgsqlConnection.ClearAllPools();
        for (var waited = 0; waited < 300; waited++)
        {
            if (await database.ScalarAsync<long>(DeadTaskRows) >= atLeast) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"The statistics never counted {atLeast} dead external task rows");
    }
}
