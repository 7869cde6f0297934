using System.Net;
using Bpm.Engine.Host.Tests.Infrastructure;
using Npgsql;

namespace Bpm.Engine.Host.Tests.Durability;

/// <summary>
/// A database the server has not analyzed yet looks ten pages small to its planner, and a prepared statement keeps the
/// plan it got then. The engine's writes of instances and history must not depend on that plan: they go by key.
/// </summary>
public sealed class YoungDatabaseWriteTests
{
    private static readonly Dictionary<string, string> OneWriter = new() { ["Bpm__GroupCommit__Writers"] = "1" };
    private static readonly string[] Tables = ["bpm_process_instance", "bpm_activity_instance"];

    [Fact]
    public async Task Should_write_instances_and_history_by_key_without_scanning_tables_the_server_has_not_analyzed()
    {
        await using var database = await TestDatabase.PostgreSqlAsync();
        await using var engine = await EngineProcess.StartAsync(database, OneWriter);
        var client = new EngineClient(engine.Client());
        var topic = "young-" + Guid.NewGuid().ToString("N")[..8];
        var (key, _) = await client.DeployUniqueAsync("service-task.bpmn", "single-task", xml => xml.Replace("single-task-topic", topic));
        // Kept young for the length of the spec: autovacuum would analyze the tables after their first few hundred rows.
        foreach (var table in Tables) await database.ExecuteAsync($"ALTER TABLE {table} SET (autovacuum_enabled = false)");
        var before = await CountersAsync(database);

        const int rounds = 3, perRound = 40;
        for (var round = 0; round < rounds; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, perRound).Select(_ => client.StartAsync(key)));
            var tasks = await client.FetchAndLockAsync("w", topic, maxTasks: perRound);
            var answers = await Task.WhenAll(tasks.Select(t => client.CompleteExternalTaskAsync(t!["id"]!.GetValue<string>(), "w")));
            Assert.Equal(perRound, tasks.Count);
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.NoContent, a.StatusCode));
        }

        // The server publishes a backend's table counters when it goes idle, up to ten seconds later. Each instance
        // writes its own row twice (inserted, then updated) and three history rows.
        Dictionary<string, (long Scans, long Writes)> after = [];
        await EngineClient.EventuallyAsync(async () =>
        {
            after = await CountersAsync(database);
            return Tables.All(t => after[t].Writes - before[t].Writes >= 2 * rounds * perRound);
        }, TimeSpan.FromSeconds(30), "the instances' row writes to show in pg_stat_user_tables");
        foreach (var table in Tables)
            Assert.True(after[table].Scans == before[table].Scans,
                $"{table} was scanned whole {after[table].Scans - before[table].Scans} times while {after[table].Writes - before[table].Writes} of its rows were written");
    }

    private static async Task<Dictionary<string, (long Scans, long Writes)>> CountersAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT relname, seq_scan, n_tup_ins + n_tup_upd FROM pg_stat_user_tables WHERE relname = ANY($1)", connection)
        {
            Parameters = { new() { Value = Tables } },
        };
        await using var reader = await command.ExecuteReaderAsync();
        var counters = new Dictionary<string, (long, long)>();
        while (await reader.ReadAsync()) counters[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2));
        return counters;
    }
}
