using System.Diagnostics;
using System.Text.Json.Nodes;
using Bpm.Bench.Infrastructure;
using Npgsql;

namespace Bpm.Bench.Scenarios;

/// <summary>
/// Many instances waiting in a timer that falls due at one instant, on PostgreSQL. The first instance is started
/// through the engine; the others are copies of its rows with fresh ids. Rounds of a tenth as many warm the host up
/// first, until the engine's CPU time per timer stops falling: its code is compiled and tiered up then, as in any
/// service that has run a while. A host just started spends a fifth of its CPU time in the compiler, and still did
/// at the start of a round that followed one warm-up round. The measured round counts fired timers per second from
/// the due instant until the last instance completed; each must complete exactly once. The CPU time of the engine and
/// of the PostgreSQL server per timer over the same span show what each costs apart from the rest of the machine.
/// </summary>
public sealed class TimersScenario : IScenario
{
    private const int Chunk = 50_000;
    private const double GoalPerSecond = 5_000;
    private const string Database = "bench_timers";
    private const int MostWarmUpRounds = 8;
    private const double Fall = 0.95;

    public string Name => "timers";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchRun run)
    {
        var total = run.Options.Quick ? 10_000 : 100_000;
        var postgres = await run.PostgresAsync();
        var connectionString = await postgres.CreateDatabaseAsync(Database);
        await using var host = await EngineHost.StartAsync(connectionString);
        await host.DeployAsync(RepositoryPaths.Model("timers.bpmn"));
        using var client = host.Client();
        var template = JsonNode.Parse(await (await client.PostAsync("process-definition/key/timers/start",
            Json.Body("""{"variables": {"dueAt": {"value": "2999-01-01T00:00:00Z"}}}"""))).Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

        var warmUp = new List<Round>();
        do warmUp.Add(await FireAsync(postgres, host, connectionString, template, total / 10));
        while (warmUp.Count < MostWarmUpRounds && StillFalling(warmUp));
        Console.Error.WriteLine($"timers: warmed up in {warmUp.Count} rounds of {total / 10:N0}, engine CPU per timer " +
            string.Join(" → ", warmUp.Select(r => r.EngineCpuPerTimer.TotalMicroseconds.ToString("F0"))) + " µs");
        var measured = await FireAsync(postgres, host, connectionString, template, total);
        var first = warmUp[0];

        var completed = await Sql.CountAsync(connectionString, "SELECT count(*) FROM bpm_process_instance WHERE state = 'COMPLETED'");
        var fired = await Sql.CountAsync(connectionString, "SELECT count(*) FROM bpm_activity_instance WHERE activity_id = 'wait' AND end_time IS NOT NULL");
        var once = await Sql.CountAsync(connectionString, "SELECT count(DISTINCT process_instance_id) FROM bpm_activity_instance WHERE activity_id = 'end'");
        var expected = warmUp.Sum(r => r.Timers) + measured.Timers;
        if (completed != expected || fired != expected || once != expected)
            throw new InvalidOperationException($"{expected} timers: {completed} instances completed, {fired} timers fired, {once} instances ended");
        return
        [
            new(Name, $"timers fired per second, {total:N0} due at once", Math.Round(measured.PerSecond), "timers/s", "goal", GoalPerSecond),
            new(Name, "engine CPU time per fired timer, all cores", Math.Round(measured.EngineCpuPerTimer.TotalMicroseconds), "µs"),
            new(Name, "PostgreSQL server CPU time per fired timer", Math.Round(measured.PerTimer(measured.ServerCpu.TotalMicroseconds)), "µs"),
            new(Name, "share of the machine idle while firing", Math.Round(100 * measured.Idle, 1), "%"),
            new(Name, "PostgreSQL statements per fired timer, transaction control aside", Math.Round(measured.PerTimer(measured.Statements.Statements), 2), "statements"),
            new(Name, "PostgreSQL commits per fired timer", Math.Round(measured.PerTimer(measured.Statements.Commits), 3), "commits"),
            new(Name, "PostgreSQL write-ahead log per fired timer", Math.Round(measured.PerTimer(measured.Statements.WalBytes)), "bytes"),
            new(Name, $"timers fired per second, first {first.Timers:N0} on the host just started", Math.Round(first.PerSecond), "timers/s"),
            new(Name, "engine CPU time per fired timer, host just started", Math.Round(first.EngineCpuPerTimer.TotalMicroseconds), "µs"),
        ];
    }

    /// <summary>Whether the last round cost the engine clearly less CPU time per timer than every round before it.</summary>
    private static bool StillFalling(List<Round> rounds) =>
        rounds.Count < 2 || rounds[^1].EngineCpuPerTimer < Fall * rounds[..^1].Min(r => r.EngineCpuPerTimer);

    /// <summary>
    /// Copies the template instance <paramref name="count"/> times (the template's own timer stays far off), lets all
    /// copies fall due at one instant and waits until none is left.
    /// </summary>
    private static async Task<Round> FireAsync(PostgresServer postgres, EngineHost host, string connectionString, string template, int count)
    {
        for (var loaded = 0; loaded < count; loaded += Chunk) await CloneAsync(connectionString, template, Math.Min(Chunk, count - loaded));
        // Left to autovacuum, the rows of the copies and of the rounds before would be vacuumed while the timers fire.
        await postgres.VacuumAsync(Database);
        var due = DateTime.UtcNow.AddSeconds(5);
        await Sql.ExecuteAsync(connectionString, "UPDATE bpm_job SET due_at = @due WHERE process_instance_id <> @template",
            new NpgsqlParameter("due", due), new NpgsqlParameter("template", template));
        // The update left a dead row for each timer, which the first claims would otherwise read through.
        await postgres.VacuumAsync(Database, "bpm_job");
        if (DateTime.UtcNow > due) throw new InvalidOperationException("Loading the timers took longer than the time set for them to fall due");

        await Task.Delay(due - DateTime.UtcNow);
        var watch = Stopwatch.StartNew();
        var (engineFrom, serverFrom, machineFrom) = (host.ProcessorTime(), postgres.ProcessorTime(), MachineTime.Now());
        var statementsFrom = await postgres.StatementsAsync(Database);
        // Counting the jobs left would cost the server as much as a good part of the firing; whether any is left is cheap.
        while (await Sql.CountAsync(connectionString, "SELECT count(*) FROM (SELECT 1 FROM bpm_job WHERE process_instance_id <> @template LIMIT 1) j",
                   new NpgsqlParameter("template", template)) > 0)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException("Timers did not all fire within 10 minutes");
            await Task.Delay(100);
        }
        var (elapsed, engineCpu, serverCpu, idle) = (watch.Elapsed, host.ProcessorTime() - engineFrom, postgres.ProcessorTime() - serverFrom, MachineTime.Now().IdleSince(machineFrom));
        return new Round(count, elapsed, engineCpu, serverCpu, idle, await postgres.StatementsAsync(Database) - statementsFrom);
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

    /// <summary>One round of timers falling due at once: how many, how long until the last had fired, and what it cost meanwhile.</summary>
    private sealed record Round(int Timers, TimeSpan Elapsed, TimeSpan EngineCpu, TimeSpan ServerCpu, double Idle, StatementCount Statements)
    {
        public double PerSecond => Timers / Elapsed.TotalSeconds;
        public TimeSpan EngineCpuPerTimer => EngineCpu / Timers;
        public double PerTimer(double amount) => amount / Timers;
    }
}
