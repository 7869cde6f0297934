using System.Text.Json.Nodes;
using Bpm.Bench.Infrastructure;
using Npgsql;

namespace Bpm.Bench.Scenarios;

/// <summary>
/// Many instances waiting in user tasks in PostgreSQL. The first instance is started through the engine; the
/// others are copies of its rows (fresh ids), loaded in bulk. Engine memory and the latency of the task-list
/// query are measured at 10,000 waiting instances and at the full count; memory must not grow with it. Memory is read
/// twice: the process's resident memory, and its managed heap as the last garbage collection left it, which moves less
/// with when the collector last ran.
/// </summary>
public sealed class StateScenario : IScenario
{
    private const int Groups = 10;
    private const int Chunk = 100_000;

    public string Name => "state";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchRun run)
    {
        var total = run.Options.Quick ? 100_000 : 1_000_000;
        var postgres = await run.PostgresAsync();
        var connectionString = await postgres.CreateDatabaseAsync("bench_state");
        await using var host = await EngineHost.StartAsync(connectionString);
        await host.DeployAsync(RepositoryPaths.Model("usertasks.bpmn"));
        using var client = host.Client();
        var template = JsonNode.Parse(await (await client.PostAsync("process-definition/key/usertasks/start",
            Json.Body("""{"variables": {"group": {"value": "group-0"}}}"""))).Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

        await CloneAsync(connectionString, template, 10_000 - 1);
        var (smallMemory, smallHeap, smallP50, smallP99) = await MeasureAsync(host, client);
        for (var loaded = 10_000; loaded < total; loaded += Chunk) await CloneAsync(connectionString, template, Math.Min(Chunk, total - loaded));
        var (largeMemory, largeHeap, largeP50, largeP99) = await MeasureAsync(host, client);

        return
        [
            new(Name, $"engine resident memory, {total:N0} waiting instances", Math.Round(largeMemory / 1048576.0, 1), "MiB", "same, 10,000 waiting instances", Math.Round(smallMemory / 1048576.0, 1)),
            new(Name, $"engine managed heap after the last garbage collection, {total:N0} waiting instances", Math.Round(largeHeap / 1048576.0, 1), "MiB",
                "same, 10,000 waiting instances", Math.Round(smallHeap / 1048576.0, 1)),
            new(Name, $"task list p50, {total:N0} waiting instances", largeP50, "ms", "same, 10,000 waiting instances", smallP50),
            new(Name, $"task list p99, {total:N0} waiting instances", largeP99, "ms", "same, 10,000 waiting instances", smallP99),
        ];
    }

    /// <summary>Warms up, then times 200 task-list queries from 10 concurrent clients and reads the engine's memory and managed heap.</summary>
    private static async Task<(long Memory, long Heap, double P50, double P99)> MeasureAsync(EngineHost host, HttpClient client)
    {
        var latencies = new Latencies();
        for (var round = 0; round < 2; round++)
        {
            latencies = new Latencies();
            await Task.WhenAll(Enumerable.Range(0, 10).Select(c => Task.Run(async () =>
            {
                for (var i = 0; i < 20; i++)
                {
                    var response = await latencies.TimeAsync(() => client.GetAsync($"task?candidateGroup=group-{(c + i) % Groups}&maxResults=50"));
                    response.EnsureSuccessStatusCode();
                }
            })));
        }
        return (host.ResidentBytes(), await host.ManagedHeapAfterLastCollectionAsync(), latencies.Percentile(50), latencies.Percentile(99));
    }

    /// <summary>Copies the template instance's rows <paramref name="count"/> times with new ids, in one transaction.</summary>
    private static async Task CloneAsync(string connectionString, string template, int count)
    {
        await Sql.ExecuteAsync(connectionString, """
            CREATE TEMP TABLE ids ON COMMIT DROP AS
              SELECT g, gen_random_uuid()::text AS pid, gen_random_uuid()::text AS tid FROM generate_series(1, @count) g;
            INSERT INTO bpm_process_instance (id, definition_id, definition_key, business_key, state, start_time, end_time, document, revision)
              SELECT ids.pid, p.definition_id, p.definition_key, 'bk-' || ids.pid, p.state, p.start_time, NULL,
                     replace(replace(replace(p.document, p.id, ids.pid), u.id, ids.tid), '"group-0"', '"group-' || (ids.g % 10) || '"'), p.revision
              FROM ids, bpm_process_instance p JOIN bpm_user_task u ON u.process_instance_id = p.id WHERE p.id = @template;
            INSERT INTO bpm_user_task (id, process_instance_id, definition_id, definition_key, task_definition_key, business_key, name, assignee,
                                       form_key, create_time, due, follow_up, priority, suspended)
              SELECT ids.tid, ids.pid, u.definition_id, u.definition_key, u.task_definition_key, 'bk-' || ids.pid, u.name, NULL,
                     u.form_key, u.create_time + ids.g * interval '1 millisecond', u.due, u.follow_up, u.priority, u.suspended
              FROM ids, bpm_user_task u WHERE u.process_instance_id = @template;
            INSERT INTO bpm_user_task_candidate (task_id, kind, name, create_time)
              SELECT ids.tid, 'group', 'group-' || (ids.g % 10), u.create_time + ids.g * interval '1 millisecond'
              FROM ids, bpm_user_task u WHERE u.process_instance_id = @template;
            INSERT INTO bpm_activity_instance (id, process_instance_id, parent_activity_instance_id, activity_id,
                                               activity_name, activity_type, task_id, assignee, start_time, end_time, canceled)
              SELECT CASE WHEN a.task_id IS NULL THEN gen_random_uuid()::text ELSE ids.tid END, ids.pid, ids.pid,
                     a.activity_id, a.activity_name, a.activity_type, CASE WHEN a.task_id IS NULL THEN NULL ELSE ids.tid END, NULL,
                     a.start_time, a.end_time, a.canceled
              FROM ids, bpm_activity_instance a WHERE a.process_instance_id = @template;
            """, new NpgsqlParameter("count", count), new NpgsqlParameter("template", template));
        await Sql.ExecuteAsync(connectionString, "ANALYZE");
    }
}
