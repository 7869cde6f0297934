using Bpm.Testing;

namespace Bpm.Engine.Host.Tests.Infrastructure;

/// <summary>
/// The engine host as a real process (<c>dotnet Bpm.Engine.Host.dll</c>), configured only through the
/// environment variables a deployment would set, on a free loopback port.
/// </summary>
public sealed class EngineProcess : IAsyncDisposable
{
    public const string ApiKey = "test-key-7f3a";

    private readonly ChildProcess _process;

    private EngineProcess(ChildProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public string Output => _process.Output;
    public bool HasExited => _process.HasExited;

    public static async Task<EngineProcess> StartAsync(TestDatabase database, IDictionary<string, string>? settings = null, int? port = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var engine = Launch(database, settings, port ?? LoopbackPort.Free());
            try
            {
                await engine._process.WaitUntilAnsweringAsync(new Uri(engine.BaseAddress, "/health/ready"), "engine");
                return engine;
            }
            catch (InvalidOperationException) when (port is null && attempt < 3 && engine.HasExited
                && engine.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                // The free port was taken between choosing it and binding it (by another test process's host,
                // say): another one.
                await engine.DisposeAsync();
            }
        }
    }

    private static EngineProcess Launch(TestDatabase database, IDictionary<string, string>? settings, int port)
    {
        var start = ChildProcess.Dotnet(SourceTree.BuildOutput("Engine/Bpm.Engine.Host", "Bpm.Engine.Host.dll"), Path.GetTempPath());
        var address = new Uri($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Bpm__Database__Provider"] = database.Provider;
        start.Environment["ConnectionStrings__Bpm"] = database.ConnectionString;
        start.Environment["Bpm__Auth__ApiKeys__0"] = ApiKey;
        start.Environment["Bpm__AutoDeploy__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Bpm__Jobs__PollInterval"] = "00:00:00.200";
        start.Environment["Bpm__Jobs__LockDuration"] = "00:00:03";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        return new EngineProcess(ChildProcess.Start(start), address);
    }

    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseAddress, "/engine-rest/"), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("x-api-key", ApiKey);
        return client;
    }

    /// <summary>Ends the process at once, as a crash or an OOM kill would.</summary>
    public void Kill() => _process.Kill();

    /// <summary>Asks the process to stop as a container runtime does (SIGTERM) and waits for it to exit.</summary>
    /// <returns>The exit code.</returns>
    public Task<int> TerminateAsync(TimeSpan timeout) => _process.TerminateAsync(timeout);

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
