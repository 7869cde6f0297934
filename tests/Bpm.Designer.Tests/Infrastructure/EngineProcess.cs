using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bpm.Designer.Tests.Infrastructure;

/// <summary>
/// The engine host with its designer as a real process (<c>dotnet Bpm.Engine.Host.dll</c>) on a private SQLite
/// file and a free loopback port, configured only through environment variables.
/// </summary>
public sealed class EngineProcess : IAsyncDisposable
{
    public const string ApiKey = "designer-test-key";

    private readonly Process _process;
    private readonly string _dataFolder;
    private readonly StringBuilder _output = new();

    private EngineProcess(Process process, Uri baseAddress, string dataFolder)
    {
        _process = process;
        _dataFolder = dataFolder;
        BaseAddress = baseAddress;
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }

    public static async Task<EngineProcess> StartAsync()
    {
        var dataFolder = Directory.CreateTempSubdirectory("bpm-designer-tests-").FullName;
        var start = new ProcessStartInfo("dotnet", [HostAssembly()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataFolder,
        };
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Bpm__Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Bpm"] = $"Data Source={Path.Combine(dataFolder, "bpm.db")}";
        start.Environment["Bpm__DataFolder"] = dataFolder;
        start.Environment["Bpm__Auth__ApiKeys__0"] = ApiKey;
        start.Environment["Bpm__AutoDeploy__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Bpm__Jobs__PollInterval"] = "00:00:00.200";
        var engine = new EngineProcess(Process.Start(start)!, address, dataFolder);
        await engine.WaitUntilReadyAsync();
        return engine;
    }

    /// <summary>A client of the REST API, for what the browser journeys need done by a worker or checked behind the UI.</summary>
    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseAddress, "/engine-rest/"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("x-api-key", ApiKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
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
                if ((await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
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
