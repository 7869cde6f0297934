using System.Globalization;

namespace Bpm.Bench.Infrastructure;

/// <summary>
/// The machine's CPU time so far, all cores together, as Linux counts it in <c>/proc/stat</c>: how much of it was
/// idle (waiting for I/O included) and how much there was in all.
/// </summary>
public readonly record struct MachineTime(long Idle, long Total)
{
    public static MachineTime Now()
    {
        // "cpu  user nice system idle iowait irq softirq steal guest guest_nice", in clock ticks.
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return new MachineTime(fields[3] + fields[4], fields.Sum());
    }

    /// <summary>The share of the machine's CPU time that was idle between <paramref name="earlier"/> and now.</summary>
    public double IdleSince(MachineTime earlier) => (double)(Idle - earlier.Idle) / Math.Max(Total - earlier.Total, 1);
}
