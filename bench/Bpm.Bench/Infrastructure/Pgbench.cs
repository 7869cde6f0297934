using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Bpm.Bench.Infrastructure;

/// <summary>
/// PostgreSQL's own benchmark in its simple-update mode (<c>pgbench -N</c>): the server's commit rate for short write
/// transactions, and the server's CPU time and statements per transaction, read over the middle three fifths of the run
/// (while all of pgbench's connections are open).
/// </summary>
public static partial class Pgbench
{
    public static async Task<PgbenchRun> SimpleUpdateAsync(PostgresServer server, TimeSpan duration, int clients)
    {
        await server.CreateDatabaseAsync("pgbench");
        var pgbench = Path.Combine(server.Bin, "pgbench");
        string[] connection = ["-h", "127.0.0.1", "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres"];
        await Shell.RunAsync(pgbench, [.. connection, "-i", "-q", "-s", "10", "pgbench"]);
        var running = Shell.RunAsync(pgbench,
            [.. connection, "-N", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture), "pgbench"]);
        await Task.Delay(duration / 5);
        var (fromCpu, fromStatements, watch) = (server.ProcessorTime(), await server.StatementsAsync("pgbench"), Stopwatch.StartNew());
        await Task.Delay(duration * 3 / 5);
        var (cpu, statements, window) = (server.ProcessorTime() - fromCpu, await server.StatementsAsync("pgbench") - fromStatements, watch.Elapsed);
        var output = await running;
        var match = Tps().Match(output);
        var tps = match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException("No tps in pgbench output: " + output);
        return new PgbenchRun(tps, cpu.TotalMilliseconds / (tps * window.TotalSeconds), (double)statements.Statements / Math.Max(statements.Commits, 1));
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}
