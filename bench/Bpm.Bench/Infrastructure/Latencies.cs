using System.Collections.Concurrent;
using System.Diagnostics;

namespace Bpm.Bench.Infrastructure;

/// <summary>Latencies of one kind of call, in milliseconds, for percentiles.</summary>
public sealed class Latencies
{
    private readonly ConcurrentBag<double> _samples = [];

    public int Count => _samples.Count;

    public async Task<T> TimeAsync<T>(Func<Task<T>> call)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await call();
        _samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return result;
    }

    public double Percentile(double p)
    {
        var sorted = _samples.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var index = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return Math.Round(sorted[Math.Clamp(index, 0, sorted.Length - 1)], 2);
    }
}
