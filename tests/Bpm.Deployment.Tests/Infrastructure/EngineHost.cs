using Bpm.Testing;

namespace Bpm.Deployment.Tests.Infrastructure;

/// <summary>
/// The engine host's build output started as a process with the environment a manifest gives it, on an
/// embedded SQLite file, a free loopback port and in-process brokers instead of the cluster's.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly string _folder;
    private bool _disposed;

    private EngineHost(ChildProcess process, int port, string folder)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }
    public string Output => _process.Output;

    public static async Task<EngineHost> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var folder = Directory.CreateTempSubdirectory("bpm-deployment-").FullName;
        var port = LoopbackPort.Free();
        var start = ChildProcess.Dotnet(SourceTree.BuildOutput("Engine/Bpm.Engine.Host", "Bpm.Engine.Host.dll"), folder);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Bpm__Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Bpm"] = $"Data Source={Path.Combine(folder, "bpm.db")}";
        start.Environment["Bpm__DataFolder"] = folder;
        // No brokers here: the engine's in-process stand-ins (librdkafka's mock cluster, MassTransit in memory).
        start.Environment["Bpm__Transports__Kafka__BootstrapServers"] = "";
        start.Environment["Bpm__Transports__MassTransit__Host"] = "";
        var host = new EngineHost(ChildProcess.Start(start), port, folder);
        await host._process.WaitUntilAnsweringAsync(new Uri($"http://127.0.0.1:{port}/health/live"), "engine");
        return host;
    }

    public HttpClient Client() => new() { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await _process.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
