using System.Net;
using System.Text.Json.Nodes;
using Bpm.Bench.Infrastructure;

namespace Bpm.Bench.Scenarios;

/// <summary>
/// Instances waiting in user tasks of ten candidate groups; 100 concurrent approvers list their group's
/// tasks, claim one and complete it, on PostgreSQL. After a warm-up at a person's pace whose latencies are not
/// counted (the engine's code is compiled and tiered up then, as in any service that has run a while: on two cores
/// that takes about a minute; after 20 s the p99s were still twice as high), first at a person's pace (a pause of about half a second
/// between one call and the next, as someone reads the list and fills the form): p50 and p99 of each call,
/// against the goal, and the CPU time the engine and the PostgreSQL server spent per completed task (its list, claim
/// and completion), which the p99s of a shared machine follow. Then with no pause at all, until no task is left: what the engine sustains, and the
/// latencies of a queue that is never empty.
/// </summary>
public sealed class UserTasksScenario : IScenario
{
    private const int Approvers = 100;
    private const int Groups = 10;
    private const double GoalP99Milliseconds = 20;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(500);

    public string Name => "usertasks";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchRun run)
    {
        var instances = run.Options.Quick ? 2_000 : 10_000;
        var pacedFor = run.Options.Quick ? TimeSpan.FromSeconds(15) : TimeSpan.FromSeconds(60);
        var warmUpFor = run.Options.Quick ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(60);
        var postgres = await run.PostgresAsync();
        await using var host = await EngineHost.StartAsync(await postgres.CreateDatabaseAsync("bench_usertasks"));
        await host.DeployAsync(RepositoryPaths.Model("usertasks.bpmn"));
        using var client = host.Client();

        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < instances; i = Interlocked.Increment(ref next))
            {
                var body = "{\"variables\": {\"group\": {\"value\": \"group-" + (i % Groups) + "\"}}}";
                (await client.PostAsync("process-definition/key/usertasks/start", Json.Body(body))).EnsureSuccessStatusCode();
            }
        })));

        using var warmingUp = new CancellationTokenSource(warmUpFor);
        var warmUp = await ApproveAsync(client, Pause, warmingUp.Token);
        using var pacing = new CancellationTokenSource(pacedFor);
        var (engineFrom, serverFrom) = (host.ProcessorTime(), postgres.ProcessorTime());
        var paced = await ApproveAsync(client, Pause, pacing.Token);
        var (engineCpu, serverCpu) = (host.ProcessorTime() - engineFrom, postgres.ProcessorTime() - serverFrom);
        var perTask = Math.Max(paced.Completed, 1);
        var saturated = await ApproveAsync(client, TimeSpan.Zero, CancellationToken.None);
        var completed = warmUp.Completed + paced.Completed + saturated.Completed;
        if (completed != instances) throw new InvalidOperationException($"{completed} of {instances} tasks were completed");

        return
        [
            new(Name, "list group tasks p50, at a person's pace", paced.List.Percentile(50), "ms"),
            new(Name, "list group tasks p99, at a person's pace", paced.List.Percentile(99), "ms", "goal", GoalP99Milliseconds),
            new(Name, "claim p50, at a person's pace", paced.Claim.Percentile(50), "ms"),
            new(Name, "claim p99, at a person's pace", paced.Claim.Percentile(99), "ms", "goal", GoalP99Milliseconds),
            new(Name, "complete p50, at a person's pace", paced.Complete.Percentile(50), "ms"),
            new(Name, "complete p99, at a person's pace", paced.Complete.Percentile(99), "ms", "goal", GoalP99Milliseconds),
            new(Name, $"tasks completed per second, {Approvers} approvers at a person's pace", Math.Round(paced.PerSecond, 1), "tasks/s"),
            new(Name, "engine CPU per completed task (list, claim, complete), at a person's pace", Math.Round(engineCpu.TotalMilliseconds / perTask, 3), "ms"),
            new(Name, "PostgreSQL server CPU per completed task, at a person's pace", Math.Round(serverCpu.TotalMilliseconds / perTask, 3), "ms"),
            new(Name, "list group tasks p99, no pause", saturated.List.Percentile(99), "ms"),
            new(Name, "claim p99, no pause", saturated.Claim.Percentile(99), "ms"),
            new(Name, "complete p99, no pause", saturated.Complete.Percentile(99), "ms"),
            new(Name, $"tasks completed per second, {Approvers} approvers with no pause", Math.Round(saturated.PerSecond, 1), "tasks/s"),
        ];
    }

    /// <summary>Every approver lists, claims and completes, pausing between calls, until no task is left or <paramref name="stop"/> fires.</summary>
    private static async Task<Approvals> ApproveAsync(HttpClient client, TimeSpan pause, CancellationToken stop)
    {
        var approvals = new Approvals();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Approvers).Select(a => Task.Run(async () =>
        {
            var group = $"group-{a % Groups}";
            var user = $"approver-{a}";
            // Approvers do not all arrive in the same instant.
            if (pause > TimeSpan.Zero) await Task.Delay(Random.Shared.Next((int)pause.TotalMilliseconds));
            while (!stop.IsCancellationRequested)
            {
                var page = await approvals.List.TimeAsync(async () =>
                {
                    var response = await client.GetAsync($"task?candidateGroup={group}&maxResults=20");
                    response.EnsureSuccessStatusCode();
                    return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
                });
                if (page.Count == 0) return;
                var id = page[Random.Shared.Next(page.Count)]!["id"]!.GetValue<string>();
                await PauseAsync(pause);
                var claimed = await approvals.Claim.TimeAsync(() => client.PostAsync($"task/{id}/claim", Json.Body($$"""{"userId": "{{user}}"}""")));
                if (claimed.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound) continue;
                claimed.EnsureSuccessStatusCode();
                await PauseAsync(pause);
                var done = await approvals.Complete.TimeAsync(() => client.PostAsync($"task/{id}/complete", Json.Body("""{"variables": {"approved": {"value": true}}}""")));
                done.EnsureSuccessStatusCode();
                Interlocked.Increment(ref approvals.Completed);
                await PauseAsync(pause);
            }
        })));
        approvals.PerSecond = approvals.Completed / watch.Elapsed.TotalSeconds;
        return approvals;
    }

    /// <summary>About <paramref name="pause"/>, give or take a fifth, so that approvers drift apart.</summary>
    private static Task PauseAsync(TimeSpan pause) =>
        pause == TimeSpan.Zero ? Task.CompletedTask : Task.Delay(pause * (0.8 + Random.Shared.NextDouble() * 0.4));

    private sealed class Approvals
    {
        public Latencies List { get; } = new();
        public Latencies Claim { get; } = new();
        public Latencies Complete { get; } = new();
        public int Completed;
        public double PerSecond { get; set; }
    }
}
