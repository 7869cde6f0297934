using System.Diagnostics;
using System.Text.Json.Nodes;
using Bpm.Bench.Infrastructure;
using Npgsql;

namespace Bpm.Bench.Scenarios;

/// <summary>
/// Many instances waiting in a timer that falls due at one instant, on PostgreSQL. The first instance is
/// started through the engine; the others are copies of its rows with fresh ids. Fired timers per second
/// from the due instant until the last instance completed; each must complete exactly once. The engine's CPU time
/// per timer over the same span shows its own cost apart from what else runs on the machine.
/// </summary>
public sealed class TimersScenario : IScenario
{
    private const int Chunk = 50_000;
    private const double GoalPerSecond = 5_000;

    public string Name => "timers";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchRun run)
    {
        var total = run.Options.Quick ? 10_000 : 100_000;
        var postgres = await run.PostgresAsync();
        var connectionString = await postgres.CreateDatabaseAsync("bench_timers");
        await using var host = await EngineHost.StartAsync(connectionString);
        await host.DeployAsync(RepositoryPaths.Model("timers.bpmn"));
        using var client = host.Client();
        var template = JsonNode.Parse(await (await client.PostAsync("process-definition/key/timers/start",
            Json.Body("""{"variables": {"dueAt": {"value": "2999-01-01T00:00:00Z"}}}"""))).Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

        for (var loaded = 1; loaded < total; loaded += Chunk) await CloneAsync(connectionString, template, Math.Min(Chunk, total - loaded));
        var due = DateTime.UtcNow.AddSeconds(5);
        await Sql.ExecuteAsync(connectionString, "UPDATE bpm_job SET due_at = @due", new NpgsqlParameter("due", due));

        // The timers fall due at the instant set or, if that statement took longer, when it committed.
        if (due > DateTime.UtcNow) await Task.Delay(due - DateTime.UtcNow);
        var watch = Stopwatch.StartNew();
        var cpuBefore = host.ProcessorTime();
        // Counting the jobs left would cost the server as much as a good part of the firing; whether any is left is cheap.
        while (await Sql.CountAsync(connectionString, "SELECT count(*) FROM (SELECT 1 FROM bpm_job LIMIT 1) j") > 0)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException("Timers did not all fire within 10 minutes");
            await Task.Delay(100);
        }
        var seconds = watch.Elapsed.TotalSeconds;
        var cpu = host.ProcessorTime() - cpuBefore;
        var completed = await Sql.CountAsync(connectionString, "SELECT count(*) FROM bpm_process_instance WHERE state = 'COMPLETED'");
        var fired = await Sql.CountAsync(connectionString, "SELECT count(*) FROM bpm_activity_instance WHERE activity_id = 'wait' AND end_time IS NOT NULL");
        var once = await Sql.CountAsync(connectionString, "SELECT count(DISTINCT process_instance_id) FROM bpm_activity_instance WHERE activity_id = 'end'");
        if (completed != total || fired != total || once != total)
            throw new InvalidOperationException($"{total} timers: {completed} instances completed, {fired} timers fired, {once} instances ended");
        return
        [
            new(Name, $"timers fired per second, {total:N0} due at once", Math.Round(total / seconds), "timers/s", "goal", GoalPerSecond),
            new(Name, "engine CPU time per fired timer, all cores", Math.Round(cpu.TotalMicroseconds / total), "µs"),
        ];
    }

    /// <summary>Copies the template instance, its waiting token, timer and history <paramref name="count"/> times with new ids.</summary>
    private static async Task CloneAsync(string connectionString, string template, int count)
    {
        await Sql.ExecuteAsync(connectionString, """
            CREATE TEMP TABLE ids ON COMMIT DROP AS
              SELECT g, gen_random_uuid()::text AS pid, gen_random_uuid()::text AS tid, gen_random_uuid()::text AS jid FROM generate_series(1, @count) g;
            INSERT INTO bpm_process_instance (id, definition_id, definition_key, business_key, state, start_time, end_time, document, revision)
              SELECT ids.pid, p.definition_id, p.definition_key, NULL, p.state, p.start_time, NULL,
                     replace(replace(replace(p.document, p.id, ids.pid), a.id, ids.tid), j.id, ids.jid), p.revision
              FROM ids, bpm_process_instance p
              JOIN bpm_activity_instance a ON a.process_instance_id = p.id AND a.activity_id = 'wait'
              JOIN bpm_job j ON j.process_instance_id = p.id
              WHERE p.id = @template;
            INSERT INTO bpm_job (id, kind, process_instance_id, definition_id, definition_key, element_id, due_at, repetitions, lock_owner, lock_expiration, retries, error_message, create_time)
              SELECT ids.jid, j.kind, ids.pid, j.definition_id, j.definition_key, j.element_id, j.due_at, NULL, NULL, NULL, j.retries, NULL, j.create_time
              FROM ids, bpm_job j WHERE j.process_instance_id = @template;
            INSERT INTO bpm_activity_instance (id, process_instance_id, parent_activity_instance_id, activity_id,
                                               activity_name, activity_type, task_id, assignee, start_time, end_time, canceled)
              SELECT CASE WHEN a.activity_id = 'wait' THEN ids.tid ELSE gen_random_uuid()::text END, ids.pid, ids.pid,
                     a.activity_id, a.activity_name, a.activity_type, NULL, NULL, a.start_time, a.end_time, a.canceled
              FROM ids, bpm_activity_instance a WHERE a.process_instance_id = @template;
            """, new NpgsqlParameter("count", count), new NpgsqlParameter("template", template));
    }
}
