using System.Globalization;
using System.Text.Json;
using Bpm.Bench;
using Bpm.Bench.Infrastructure;
using Bpm.Bench.Scenarios;

var options = BenchOptions.Parse(args);
IScenario[] scenarios =
[
    new CoreScenario(), new DurableScenario(), new TransportScenario(BenchTransport.Kafka), new TransportScenario(BenchTransport.MassTransit),
    new UserTasksScenario(), new TimersScenario(), new StateScenario(),
];

var results = new List<BenchResult>();
var failed = false;
await using (var run = new BenchRun(options))
{
    foreach (var scenario in scenarios.Where(s => options.Runs(s.Name)))
    {
        Console.Error.WriteLine($"Running {scenario.Name}{(options.Quick ? " (quick)" : "")}...");
        try
        {
            results.AddRange(await scenario.RunAsync(run));
        }
        catch (Exception e)
        {
            failed = true;
            Console.Error.WriteLine($"{scenario.Name} failed: {e}");
        }
        await run.CleanAsync();
    }
}

Console.WriteLine(MarkdownTable.Render(results));
var file = Path.Combine(RepositoryPaths.Root, "bench", "results", "latest.json");
Directory.CreateDirectory(Path.GetDirectoryName(file)!);
await File.WriteAllTextAsync(file, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
Console.Error.WriteLine($"Wrote {file}");
return failed ? 1 : 0;

/// <summary>The results as the markdown table the bench prints.</summary>
internal static class MarkdownTable
{
    public static string Render(IEnumerable<BenchResult> results)
    {
        var lines = new List<string>
        {
            "| scenario | metric | value | unit | baseline | baseline value | ratio |",
            "|---|---|---:|---|---|---:|---:|",
        };
        lines.AddRange(results.Select(r =>
            $"| {r.Scenario} | {r.Metric} | {Number(r.Value)} | {r.Unit} | {r.Baseline ?? ""} | {(r.BaselineValue is { } b ? Number(b) : "")} | {(r.Ratio is { } x ? x.ToString("0.###", CultureInfo.InvariantCulture) + "x" : "")} |"));
        return string.Join(Environment.NewLine, lines);
    }

    private static string Number(double value) => value.ToString(value >= 100 ? "N0" : "0.##", CultureInfo.InvariantCulture);
}
