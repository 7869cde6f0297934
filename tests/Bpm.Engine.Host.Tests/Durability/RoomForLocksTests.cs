using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Durability;

/// <summary>
/// On PostgreSQL, a worker's lock updates its external task beside the old version on its page, adding nothing to the
/// task table's indexes, even while a reader still sees the old versions.
/// </summary>
public sealed class RoomForLocksTests
{
    [Fact]
    public async Task Should_lock_external_tasks_without_new_index_entries()
    {
        await using var database = await TestDatabase.PostgreSqlAsync();
        await using var engine = await EngineProcess.StartAsync(database);
        var client = new EngineClient(engine.Client());
        var topic = "room-" + Guid.NewGuid().ToString("N")[..8];
        var (key, _) = await client.DeployUniqueAsync("service-task.bpmn", "single-task", xml => xml.Replace("single-task-topic", topic));
        for (var i = 0; i < 40; i++) await client.StartAsync(key);
        await using var reader = await SnapshotHolderAsync(database);

        var locked = await client.FetchAndLockAsync("w", topic, maxTasks: 40);

        Assert.Equal(40, locked.Count);
        Assert.Equal(40L, await EntriesAsync(database, "ix_bpm_external_task_topic_created"));
        Assert.Equal(40L, await EntriesAsync(database, "bpm_external_task_pkey"));
    }

    /// <summary>
    /// A reader in the middle of a transaction, as there is one at any time under load: the versions that the updates
    /// replace stay visible to it, so their room on the page is not freed for the next update.
    /// </summary>
    private static async Task<System.Data.Common.DbConnection> SnapshotHolderAsync(TestDatabase database)
    {
        var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT count(*) FROM bpm_process_instance";
        await command.ExecuteScalarAsync();
        return connection;
    }

    /// <summary>
    /// The entries of an index on all its leaf pages, live or dead, without the high key that a leaf page other than
    /// the rightmost holds: an update that moved its row to another page left one more entry, pointing to the old
    /// version.
    /// </summary>
    private static async Task<long> EntriesAsync(TestDatabase database, string index)
    {
        await database.ExecuteAsync("CREATE EXTENSION IF NOT EXISTS pageinspect");
        return await database.ScalarAsync<long>($"""
            SELECT (sum(s.live_items + s.dead_items) - count(*) FILTER (WHERE s.btpo_next <> 0))::bigint
            FROM generate_series(1, pg_relation_size('{index}') / current_setting('block_size')::int - 1) AS p,
                 LATERAL bt_page_stats('{index}', p::int) AS s
            WHERE s.type = 'l'
            """);
    }
}
