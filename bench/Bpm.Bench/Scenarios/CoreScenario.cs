using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bpm.Bench.Infrastructure;
using Bpm.Engine.Model;
using Bpm.Engine.Parsing;
using Bpm.Engine.Runtime;

namespace Bpm.Bench.Scenarios;

/// <summary>
/// The engine core alone, in memory: start, exclusive gateway with a FEEL condition, two tasks, end. Baseline:
/// the npm engine bpmn-engine running the same model (its condition in JavaScript) in the same run.
/// </summary>
public sealed class CoreScenario : IScenario
{
    public string Name => "core";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchRun run)
    {
        var definition = Assert(new BpmnParser().Parse(await File.ReadAllTextAsync(RepositoryPaths.Model("core.bpmn"))));
        var runtime = new ProcessRuntime(TimeProvider.System);
        var duration = run.Options.Duration;

        RunFor(runtime, definition, TimeSpan.FromSeconds(1));
        var single = RunFor(runtime, definition, duration);
        var threads = Environment.ProcessorCount;
        var parallel = await Task.WhenAll(Enumerable.Range(0, threads).Select(_ => Task.Run(() => RunFor(runtime, definition, duration))));
        var allCores = parallel.Sum();

        var baseline = await BpmnEngineBaselineAsync(duration);
        return
        [
            new(Name, "instances per second, 1 thread", Math.Round(single), "instances/s", "bpmn-engine 25.0.1 (Node.js, 1 thread)", Math.Round(baseline)),
            new(Name, $"instances per second, {threads} threads", Math.Round(allCores), "instances/s", "bpmn-engine 25.0.1 (Node.js, 1 thread)", Math.Round(baseline)),
        ];
    }

    /// <summary>Runs instances back to back; every one must complete, half through each branch.</summary>
    private static double RunFor(ProcessRuntime runtime, ProcessDefinition definition, TimeSpan duration)
    {
        var watch = Stopwatch.StartNew();
        long count = 0;
        while (watch.Elapsed < duration)
        {
            for (var i = 0; i < 256; i++, count++)
            {
                var result = runtime.Start(definition, "core:1", null, new JsonObject { ["total"] = count % 2 == 0 ? 750 : 10 });
                if (result.Instance.State != InstanceState.Completed) throw new InvalidOperationException("A core instance did not complete");
            }
        }
        return count / watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> BpmnEngineBaselineAsync(TimeSpan duration)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "bench", "node");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "bpmn-engine")))
            await Shell.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], folder);
        var output = await Shell.RunAsync("node", ["core-bench.mjs", "core-js.bpmn", ((int)duration.TotalSeconds).ToString()], folder);
        var line = output.Split('\n').First(l => l.TrimStart().StartsWith('{'));
        return JsonNode.Parse(line)!["instancesPerSecond"]!.GetValue<double>();
    }

    private static ProcessDefinition Assert(ParseResult result) =>
        result.IsSuccess ? result.Processes[0] : throw new InvalidOperationException(JsonSerializer.Serialize(result.Errors));
}
