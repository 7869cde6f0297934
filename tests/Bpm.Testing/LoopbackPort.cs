using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Bpm.Testing;

public static class LoopbackPort
{
    private const int Lowest = 10_000;

    /// <summary>
    /// A port on 127.0.0.1 nobody listens on right now, chosen below the kernel's ephemeral range: a port the kernel
    /// hands out itself (port 0) may become the local port of an outgoing connection (to PostgreSQL, say) between
    /// choosing it and a child process binding it.
    /// </summary>
    public static int Free()
    {
        var below = EphemeralRangeStart();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(Lowest, below);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException) { }
        }
        throw new InvalidOperationException($"No free loopback port between {Lowest} and {below}.");
    }

    private static int EphemeralRangeStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(range)
            && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && start > Lowest + 1_000)
            return start;
        return 32_768;
    }
}
