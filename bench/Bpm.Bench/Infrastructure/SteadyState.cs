using System.Diagnostics;

namespace Bpm.Bench.Infrastructure;

/// <summary>
/// Waits under load until a host's throughput stops rising. A fresh host first runs its code unoptimized and then
/// recompiles what is hot, on the same busy cores that serve the load; on two cores that takes a minute or more,
/// during which throughput keeps climbing, with flat stretches of a quarter of a minute in between. An engine runs for
/// days, so the figures are taken once it has settled: after the least warm-up, when no window of the last four beat
/// the best one before it by more than a few percent.
/// </summary>
public sealed class SteadyState(Func<Task<long>> count, TimeSpan least, TimeSpan most)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);
    private const int CalmWindows = 4;
    private const double Rise = 1.05;

    /// <summary>Returns how long the warm-up took and the rate of each window, for the report.</summary>
    public async Task<(TimeSpan Took, IReadOnlyList<double> Rates)> WaitAsync()
    {
        var watch = Stopwatch.StartNew();
        await Task.Delay(least);
        var rates = new List<double>();
        var best = 0.0;
        var calm = 0;
        while (watch.Elapsed + Window <= most && calm < CalmWindows)
        {
            var from = await count();
            var window = Stopwatch.StartNew();
            await Task.Delay(Window);
            var rate = (await count() - from) / window.Elapsed.TotalSeconds;
            rates.Add(rate);
            calm = rate > best * Rise ? 0 : calm + 1;
            best = Math.Max(best, rate);
        }
        return (watch.Elapsed, rates);
    }

    /// <summary>One line for the console: how long the host was warmed and how its rate went.</summary>
    public static string Describe(string what, (TimeSpan Took, IReadOnlyList<double> Rates) warmUp) =>
        $"{what}: warmed up for {warmUp.Took.TotalSeconds:F0} s" +
        (warmUp.Rates.Count == 0 ? "" : $", rate per {Window.TotalSeconds:F0} s window {string.Join(" → ", warmUp.Rates.Select(r => r.ToString("F0")))}/s");
}
