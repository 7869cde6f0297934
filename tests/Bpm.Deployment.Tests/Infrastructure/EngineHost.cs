using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bpm.Deployment.Tests.Infrastructure;

/// <summary>
/// The engine host's build output started as a process with the environment a manifest gives it, on an
/// embedded SQLite file, a free loopback port and in-process brokers instead of the cluster's.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _folder;
    private bool _disposed;

    private EngineHost(Process process, int port, string folder)
    {
        _process = process;
        _folder = folder;
        Port = port;
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }

    public static async Task<EngineHost> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var folder = Directory.CreateTempSubdirectory("bpm-deployment-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [HostAssembly()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Bpm__Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Bpm"] = $"Data Source={Path.Combine(folder, "bpm.db")}";
        start.Environment["Bpm__DataFolder"] = folder;
        // No brokers here: the engine's in-process stand-ins (librdkafka's mock cluster, MassTransit in memory).
        start.Environment["Bpm__Transports__Kafka__BootstrapServers"] = "";
        start.Environment["Bpm__Transports__MassTransit__Host"] = "";
        var host = new EngineHost(Process.Start(start)!, port, folder);
        await host.WaitUntilAnsweringAsync();
        return host;
    }

    public HttpClient Client() => new() { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var probe = Client();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The engine exited with code {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await probe.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The engine did not answer within 60 s:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The host's own build output, in the configuration these tests were built in.</summary>
    private static string HostAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var dll = Path.Combine(Repository.Root, "Engine", "Bpm.Engine.Host", "bin", testOutput.Parent!.Name, testOutput.Name, "Bpm.Engine.Host.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first: host not found", dll);
    }
}
