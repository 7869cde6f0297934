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
        Assert.Equal(40, await database.IndexEntriesAsync("ix_bpm_external_task_topic_created"));
        Assert.Equal(40, await database.IndexEntriesAsync("bpm_external_task_pkey"));
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
}
