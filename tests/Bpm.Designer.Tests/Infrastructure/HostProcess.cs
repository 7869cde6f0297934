using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bpm.Designer.Tests.Infrastructure;

/// <summary>
/// A host as a real process on a free loopback port, configured only through environment variables: the engine
/// host with its designer (<c>dotnet Bpm.Engine.Host.dll</c>) on a private SQLite file, or the stand-alone designer host.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    public const string ApiKey = "designer-test-key";

    private readonly Process _process;
    private readonly string _dataFolder;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, Uri baseAddress, string dataFolder)
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

    /// <summary>The password of a user of the engine started by <see cref="StartEngineAsync"/>.</summary>
    public static string PasswordOf(string user) => user + "-password";
    public string Output { get { lock (_output) return _output.ToString(); } }

    public static Task<HostProcess> StartEngineAsync() => StartAsync(Path.Combine("Engine", "Bpm.Engine.Host"), "Bpm.Engine.Host.dll", "/health/ready", start =>
    {
        var dataFolder = start.WorkingDirectory;
        start.Environment["Bpm__Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Bpm"] = $"Data Source={Path.Combine(dataFolder, "bpm.db")}";
        start.Environment["Bpm__DataFolder"] = dataFolder;
        start.Environment["Bpm__Auth__ApiKeys__0"] = ApiKey;
        start.Environment["Bpm__AutoDeploy__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Bpm__Jobs__PollInterval"] = "00:00:00.200";
        string[] users = ["analyst:analysts", "approver:approvers", "operator:operators"];
        for (var i = 0; i < users.Length; i++)
        {
            var (id, group) = (users[i].Split(':')[0], users[i].Split(':')[1]);
            start.Environment[$"Bpm__Auth__Users__{i}__Id"] = id;
            start.Environment[$"Bpm__Auth__Users__{i}__Password"] = PasswordOf(id);
            start.Environment[$"Bpm__Auth__Users__{i}__Groups__0"] = group;
        }
    });

    /// <summary>The stand-alone designer against a remote engine; no wait when it is expected to refuse to start.</summary>
    public static Task<HostProcess> StartDesignerAsync(Uri? engineUrl, string? apiKey, bool waitUntilReady = true) =>
        StartAsync(Path.Combine("Designer", "Bpm.Designer.Host"), "Bpm.Designer.Host.dll", waitUntilReady ? "/" : null, start =>
        {
            start.Environment["Bpm__Designer__EngineUrl"] = engineUrl?.ToString() ?? "";
            start.Environment["Bpm__Designer__ApiKey"] = apiKey ?? "";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
        });

    private static async Task<HostProcess> StartAsync(string project, string assembly, string? readyPath, Action<ProcessStartInfo> configure)
    {
        var dataFolder = Directory.CreateTempSubdirectory("bpm-designer-tests-").FullName;
        var start = new ProcessStartInfo("dotnet", [HostAssembly(project, assembly)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataFolder,
        };
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        configure(start);
        var host = new HostProcess(Process.Start(start)!, address, dataFolder);
        if (readyPath is not null) await host.WaitUntilReadyAsync(readyPath);
        return host;
    }

    /// <summary>Waits for the process to end by itself, as a host refusing its configuration does.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
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

    private async Task WaitUntilReadyAsync(string path)
    {
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The host exited with code {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await probe.GetAsync(path)).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The host did not become ready within 60 s:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The host's own build output, built beside this test project in the same configuration.</summary>
    private static string HostAssembly(string project, string assembly)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Bpm.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException("Bpm.sln not found above " + AppContext.BaseDirectory);
        var dll = Path.Combine(root.FullName, project, "bin", configuration, testOutput.Name, assembly);
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first: host not found", dll);
    }
}
