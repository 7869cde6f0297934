using System.Diagnostics;
using System.Globalization;

namespace Bpm.Bench.Infrastructure;

/// <summary>CPU time (user and system) that processes have used so far, as Linux counts it.</summary>
public static class ProcessorTime
{
    /// <summary>The CPU time of one process; zero once it has exited, even while it is being asked.</summary>
    public static TimeSpan Of(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.TotalProcessorTime;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>
    /// The CPU time of a process and of its children as they are now (a PostgreSQL server: the postmaster, its
    /// backends and its background workers). A child that exited meanwhile no longer counts: measure over a window
    /// in which the children stay (pooled connections).
    /// </summary>
    public static TimeSpan OfTree(int pid)
    {
        var total = Of(pid);
        foreach (var child in Children(pid)) total += Of(child);
        return total;
    }

    private static IEnumerable<int> Children(int parent)
    {
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(folder, "stat"));
            }
            catch (IOException)
            {
                continue;
            }
            // "pid (comm) state ppid ...": the command may hold spaces and parentheses, so read after its last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields.Length > 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ppid) && ppid == parent) yield return pid;
        }
    }
}
