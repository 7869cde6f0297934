using Bpm.Engine.Host.Tests.Infrastructure;
using Bpm.Engine.Runtime;
using Bpm.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bpm.Engine.Host.Tests.Durability;

/// <summary>
/// On PostgreSQL a command's writes and its COMMIT go to the server in one round trip. A write that finds its instance
/// changed since the command read it fails that round trip before the COMMIT: nothing of the command is written, and
/// the command runs again on what the instance is now.
/// </summary>
public sealed class StaleWriteTests
{
    [Fact]
    public async Task Should_write_nothing_of_a_command_whose_instance_changed_after_it_was_read()
    {
        await using var database = await TestDatabase.PostgreSqlAsync();
        await using var services = await InProcessEngine.StartAsync(database, "service-task.bpmn");
        var instance = await services.GetRequiredService<ProcessInstanceService>().StartByKeyAsync("single-task", null, null, null, CancellationToken.None);
        var taskId = await TaskOfAsync(database, instance.Id);
        var before = await StoredAsync(database, instance.Id);
        var executor = services.GetRequiredService<InstanceCommandExecutor>();
        var runtime = services.GetRequiredService<ProcessRuntime>();
        var changes = 0;

        // Each attempt reads the instance, then someone else changes it before the attempt writes.
        var refused = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => executor.ExecuteAsync(instance.Id, (definition, read) =>
        {
            ChangeElsewhere(database, $"UPDATE bpm_process_instance SET revision = revision + 1 WHERE id = '{instance.Id}'");
            changes++;
            return runtime.CompleteTask(definition, read, taskId, null);
        }, CancellationToken.None));

        Assert.Contains(instance.Id, refused.Message);
        Assert.True(changes > 1, $"the command ran again after its first attempt was refused; it ran {changes} time(s)");
        var after = await StoredAsync(database, instance.Id);
        Assert.Equal(before with { Revision = before.Revision + changes }, after);

        var completed = await executor.ExecuteAsync(instance.Id, (definition, read) => runtime.CompleteTask(definition, read, taskId, null), CancellationToken.None);

        Assert.True(completed.Instance.IsEnded);
        Assert.Equal((0L, "COMPLETED"), (await database.ScalarAsync<long>("SELECT count(*) FROM bpm_external_task"), (await StoredAsync(database, instance.Id)).State));
    }

    [Theory]
    [InlineData("UPDATE bpm_process_instance SET revision = revision + 1 WHERE id = '{0}'")]
    [InlineData("DELETE FROM bpm_external_task WHERE process_instance_id = '{0}'")]
    public async Task Should_write_nothing_of_a_transaction_of_several_instances_when_one_changed_after_it_was_read(string change)
    {
        await using var database = await TestDatabase.PostgreSqlAsync();
        await using var services = await InProcessEngine.StartAsync(database, "service-task.bpmn");
        var starter = services.GetRequiredService<ProcessInstanceService>();
        var instances = new List<string>();
        for (var i = 0; i < 3; i++) instances.Add((await starter.StartByKeyAsync("single-task", null, null, null, CancellationToken.None)).Id);
        var tasks = new Dictionary<string, string>();
        foreach (var id in instances) tasks[id] = await TaskOfAsync(database, id);
        var (changed, untouched) = (instances[1], instances.Where(id => id != instances[1]).ToList());
        var before = await Task.WhenAll(untouched.Select(id => StoredAsync(database, id)));
        var executor = services.GetRequiredService<InstanceCommandExecutor>();
        var runtime = services.GetRequiredService<ProcessRuntime>();

        // The transaction reads the tasks it answers, as a group of completions does, and writes the instances and ends
        // the tasks in one round trip; someone else changes one of them after it was read.
        var applied = await executor.TryExecuteBatchAsync(async (db, ct) =>
        {
            await db.ExternalTasks.Where(t => tasks.Values.Contains(t.Id)).LoadAsync(ct);
            return instances.ToDictionary(id => id, id => (InstanceCommandExecutor.InstanceCommand)((definition, read) =>
            {
                if (id == changed) ChangeElsewhere(database, string.Format(change, id));
                return runtime.CompleteTask(definition, read, tasks[id], null);
            }));
        }, CancellationToken.None);

        Assert.False(applied);
        Assert.Equal(before, await Task.WhenAll(untouched.Select(id => StoredAsync(database, id))));
        Assert.Equal("ACTIVE", (await StoredAsync(database, changed)).State);
    }

    private static Task<string> TaskOfAsync(TestDatabase database, string instanceId) =>
        database.ScalarAsync<string>($"SELECT id FROM bpm_external_task WHERE process_instance_id = '{instanceId}'");

    /// <summary>Someone else's change, committed on a connection of its own while a command runs.</summary>
    private static void ChangeElsewhere(TestDatabase database, string sql)
    {
        using var other = new NpgsqlConnection(database.ConnectionString);
        other.Open();
        using var command = new NpgsqlCommand(sql, other);
        command.ExecuteNonQuery();
    }

    /// <summary>What a command on the instance writes: the instance, its task and its history.</summary>
    private sealed record Stored(string State, int Revision, string Document, long Tasks, long HistoryRows, long ClosedHistoryRows);

    private static async Task<Stored> StoredAsync(TestDatabase database, string instanceId)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT state, revision, document,
                (SELECT count(*) FROM bpm_external_task WHERE process_instance_id = p.id),
                (SELECT count(*) FROM bpm_activity_instance WHERE process_instance_id = p.id),
                (SELECT count(*) FROM bpm_activity_instance WHERE process_instance_id = p.id AND end_time IS NOT NULL)
            FROM bpm_process_instance AS p WHERE id = '{instanceId}'
            """;
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return new Stored(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
    }
}
