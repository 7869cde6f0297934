namespace Bpm.Bench;

/// <summary><c>[--quick] [--scenario NAME]</c>.</summary>
public sealed record BenchOptions(bool Quick, IReadOnlySet<string> Scenarios)
{
    public static BenchOptions Parse(string[] args)
    {
        var quick = false;
        var scenarios = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick": quick = true; break;
                case "--scenario" when i + 1 < args.Length: scenarios.Add(args[++i]); break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: [--quick] [--scenario NAME]");
            }
        }
        return new BenchOptions(quick, scenarios);
    }

    public bool Runs(string scenario) => Scenarios.Count == 0 || Scenarios.Contains(scenario);

    /// <summary>How long a measured phase lasts.</summary>
    public TimeSpan Duration => Quick ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(15);

    /// <summary>How many windows the engine on PostgreSQL and pgbench take in turns, each measured alike.</summary>
    public int Turns => Quick ? 1 : 3;

    /// <summary>How long a host under load is warmed up at least and at most before it is measured (see <see cref="Infrastructure.SteadyState"/>).</summary>
    public (TimeSpan Least, TimeSpan Most) WarmUp => Quick ? (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)) : (TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(180));
}
