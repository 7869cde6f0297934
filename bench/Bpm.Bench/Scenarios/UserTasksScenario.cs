using System.Net;
using System.Text.Json.Nodes;
using Bpm.Bench.Infrastructure;

namespace Bpm.Bench.Scenarios;

/// <summary>
/// Instances waiting in user tasks of ten candidate groups; 100 concurrent approvers list their group's
/// tasks, claim one and complete it, until none is left. p50 and p99 of each call, on PostgreSQL.
/// </summary>
public sealed class UserTasksScenario : IScenario
{
    private const int Approvers = 100;
    private const int Groups = 10;
    private const double GoalP99Milliseconds = 20;

    public string Name => "usertasks";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchRun run)
    {
        var instances = run.Options.Quick ? 1_000 : 10_000;
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

        var list = new Latencies();
        var claim = new Latencies();
        var complete = new Latencies();
        var completed = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Approvers).Select(a => Task.Run(async () =>
        {
            var group = $"group-{a % Groups}";
            var user = $"approver-{a}";
            while (true)
            {
                var page = await list.TimeAsync(async () =>
                {
                    var response = await client.GetAsync($"task?candidateGroup={group}&maxResults=20");
                    response.EnsureSuccessStatusCode();
                    return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
                });
                if (page.Count == 0) return;
                var id = page[Random.Shared.Next(page.Count)]!["id"]!.GetValue<string>();
                var claimed = await claim.TimeAsync(() => client.PostAsync($"task/{id}/claim", Json.Body($$"""{"userId": "{{user}}"}""")));
                if (claimed.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound) continue;
                claimed.EnsureSuccessStatusCode();
                var done = await complete.TimeAsync(() => client.PostAsync($"task/{id}/complete", Json.Body("""{"variables": {"approved": {"value": true}}}""")));
                done.EnsureSuccessStatusCode();
                Interlocked.Increment(ref completed);
            }
        })));
        if (completed != instances) throw new InvalidOperationException($"{completed} of {instances} tasks were completed");

        return
        [
            new(Name, "list group tasks p50", list.Percentile(50), "ms"),
            new(Name, "list group tasks p99", list.Percentile(99), "ms", "goal", GoalP99Milliseconds),
            new(Name, "claim p50", claim.Percentile(50), "ms"),
            new(Name, "claim p99", claim.Percentile(99), "ms", "goal", GoalP99Milliseconds),
            new(Name, "complete p50", complete.Percentile(50), "ms"),
            new(Name, "complete p99", complete.Percentile(99), "ms", "goal", GoalP99Milliseconds),
            new(Name, $"tasks completed per second, {Approvers} approvers, {instances} tasks", Math.Round(completed / watch.Elapsed.TotalSeconds, 1), "tasks/s"),
        ];
    }
}
