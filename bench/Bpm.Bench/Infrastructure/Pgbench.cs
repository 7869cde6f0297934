using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Bpm.Bench.Infrastructure;

/// <summary>
/// PostgreSQL's own benchmark in its simple-update mode (<c>pgbench -N</c>): the server's commit rate for short write
/// transactions, and the CPU time of the server and of pgbench itself and the server's statements per transaction, read
/// over the middle three fifths of the run (while all of pgbench's connections are open).
/// </summary>
public static partial class Pgbench
{
    /// <summary>
    /// The client counts pgbench is run with: on two cores it commits the most with a few clients and less with more
    /// (2,943 TPS with 4, 2,781 with 12, 2,524 with 16, 1,960 with 36), so its best over these is its peak.
    /// </summary>
    private static readonly int[] ClientCounts = [4, 8, 12, 20];

    /// <summary>The database pgbench's tables are in.</summary>
    public const string Database = "pgbench";

    /// <summary>pgbench at its best on this server: run with each of <see cref="ClientCounts"/>, the run with the most TPS.</summary>
    public static async Task<PgbenchRun> PeakAsync(PostgresServer server, TimeSpan duration)
    {
        await InitializeAsync(server);
        var best = default(PgbenchRun);
        foreach (var clients in ClientCounts)
        {
            var run = await RunAsync(server, clients, duration);
            Console.Error.WriteLine($"pgbench -N with {clients} clients: {run.Tps:0} TPS");
            if (best is null || run.Tps > best.Tps) best = run;
        }
        return best!;
    }

    /// <summary>
    /// One more run of <c>pgbench -N</c> with <paramref name="clients"/>, on the tables <see cref="PeakAsync"/> made.
    /// </summary>
    public static async Task<PgbenchRun> RunAsync(PostgresServer server, int clients, TimeSpan duration)
    {
        var (pid, running) = Shell.Start(Executable(server),
            [.. Connection(server), "-N", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture), Database]);
        await Task.Delay(duration / 5);
        var (fromCpu, fromClient, fromStatements, fromMachine, watch) =
            (server.ProcessorTime(), ProcessorTime.OfTree(pid), await server.StatementsAsync(Database), MachineTime.Now(), Stopwatch.StartNew());
        await Task.Delay(duration * 3 / 5);
        var (cpu, client, idle, statements, window) =
            (server.ProcessorTime() - fromCpu, ProcessorTime.OfTree(pid) - fromClient, MachineTime.Now().IdleSince(fromMachine), await server.StatementsAsync(Database) - fromStatements, watch.Elapsed);
        var output = await running;
        var match = Tps().Match(output);
        var tps = match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException("No tps in pgbench output: " + output);
        var commits = Math.Max(statements.Commits, 1);
        var transactions = tps * window.TotalSeconds;
        return new PgbenchRun(clients, tps, cpu.TotalMilliseconds / transactions, client.TotalMilliseconds / transactions,
            (double)statements.Statements / commits, (double)statements.WalBytes / commits, idle);
    }

    private static async Task InitializeAsync(PostgresServer server)
    {
        await server.CreateDatabaseAsync(Database);
        await Shell.RunAsync(Executable(server), [.. Connection(server), "-i", "-q", "-s", "10", Database]);
    }

    private static string Executable(PostgresServer server) => Path.Combine(server.Bin, "pgbench");

    private static string[] Connection(PostgresServer server) => ["-h", "127.0.0.1", "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres"];

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}
