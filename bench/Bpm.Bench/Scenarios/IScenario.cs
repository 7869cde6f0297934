namespace Bpm.Bench.Scenarios;

public interface IScenario
{
    string Name { get; }

    Task<IReadOnlyList<BenchResult>> RunAsync(BenchRun run);
}
