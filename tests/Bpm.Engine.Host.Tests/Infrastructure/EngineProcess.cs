using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bpm.Engine.Host.Tests.Infrastructure;

/// <summary>
/// The engine host as a real process (<c>dotnet Bpm.Engine.Host.dll</c>), configured only through the
/// environment variables a deployment would set, on a free loopback port.
/// </summary>
public sealed class EngineProcess : IAsyncDisposable
{
    public const string ApiKey = "test-key-7f3a";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private EngineProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }
    public bool HasExited => _process.HasExited;

    public static async Task<EngineProcess> StartAsync(TestDatabase database, IDictionary<string, string>? settings = null, int? port = null)
    {
        var start = new ProcessStartInfo("dotnet", [HostAssembly()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        var address = new Uri($"http://127.0.0.1:{port ?? FreePort()}");
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
        var engine = new EngineProcess(Process.Start(start)!, address);
        await engine.WaitUntilReadyAsync();
        return engine;
    }

    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseAddress, "/engine-rest/"), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("x-api-key", ApiKey);
        return client;
    }

    /// <summary>Ends the process at once, as a crash or an OOM kill would.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Asks the process to stop as a container runtime does (SIGTERM) and waits for it to exit.</summary>
    /// <returns>The exit code.</returns>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var wait = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(wait.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The engine exited with code {_process.ExitCode}:\n{Output}");
            try
            {
                var response = await probe.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The engine did not become ready within 60 s:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The host's own build output, built beside this test project in the same configuration.</summary>
    private static string HostAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Bpm.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException("Bpm.sln not found above " + AppContext.BaseDirectory);
        var dll = Path.Combine(root.FullName, "Engine", "Bpm.Engine.Host", "bin", configuration, testOutput.Name, "Bpm.Engine.Host.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first: host not found", dll);
    }
}
