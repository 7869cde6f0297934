using System.Globalization;
using System.Text.RegularExpressions;

namespace Bpm.Bench.Infrastructure;

/// <summary>PostgreSQL's own benchmark in its simple-update mode (<c>pgbench -N</c>): the server's commit rate for short write transactions.</summary>
public static partial class Pgbench
{
    public static async Task<double> SimpleUpdateTpsAsync(PostgresServer server, TimeSpan duration, int clients)
    {
        await server.CreateDatabaseAsync("pgbench");
        var pgbench = Path.Combine(server.Bin, "pgbench");
        string[] connection = ["-h", "127.0.0.1", "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres"];
        await Shell.RunAsync(pgbench, [.. connection, "-i", "-q", "-s", "10", "pgbench"]);
        var output = await Shell.RunAsync(pgbench,
            [.. connection, "-N", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture), "pgbench"]);
        var match = Tps().Match(output);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException("No tps in pgbench output: " + output);
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}
