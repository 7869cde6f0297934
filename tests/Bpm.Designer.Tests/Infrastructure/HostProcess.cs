using System.Diagnostics;
using Bpm.Testing;

namespace Bpm.Designer.Tests.Infrastructure;

/// <summary>
/// A host as a real process on a free loopback port, configured only through environment variables: the engine
/// host with its designer and embedded seed workers (<c>dotnet Bpm.Engine.Host.dll</c>) on a private SQLite file, or
/// the stand-alone designer host.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    public const string ApiKey = "designer-test-key";

    private readonly ChildProcess _process;
    private readonly string _dataFolder;

    private HostProcess(ChildProcess process, Uri baseAddress, string dataFolder)
    {
        _process = process;
        _dataFolder = dataFolder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The password of a user of the engine started by <see cref="StartEngineAsync"/>.</summary>
    public static string PasswordOf(string user) => user + "-password";
    public string Output => _process.Output;

    public static Task<HostProcess> StartEngineAsync(IDictionary<string, string>? settings = null) => StartAsync(Path.Combine("Engine", "Bpm.Engine.Host"), "Bpm.Engine.Host.dll", "/health/ready", start =>
    {
        var dataFolder = start.WorkingDirectory;
        start.Environment["Bpm__Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Bpm"] = $"Data Source={Path.Combine(dataFolder, "bpm.db")}";
        start.Environment["Bpm__DataFolder"] = dataFolder;
        start.Environment["Bpm__Auth__ApiKeys__0"] = ApiKey;
        start.Environment["Bpm__AutoDeploy__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Bpm__Jobs__PollInterval"] = "00:00:00.200";
        // The seed workers run inside: they publish the activity catalog the modeler offers and serve its tasks.
        start.Environment["Bpm__Workers__Embedded"] = "true";
        string[] users = ["analyst:analysts", "approver:approvers", "operator:operators"];
        for (var i = 0; i < users.Length; i++)
        {
            var (id, group) = (users[i].Split(':')[0], users[i].Split(':')[1]);
            start.Environment[$"Bpm__Auth__Users__{i}__Id"] = id;
            start.Environment[$"Bpm__Auth__Users__{i}__Password"] = PasswordOf(id);
            start.Environment[$"Bpm__Auth__Users__{i}__Groups__0"] = group;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
    });

    /// <summary>The stand-alone designer against a remote engine; no wait when it is expected to refuse to start.</summary>
    public static Task<HostProcess> StartDesignerAsync(Uri? engineUrl, string? apiKey, bool waitUntilReady = true, IDictionary<string, string>? settings = null) =>
        StartAsync(Path.Combine("Designer", "Bpm.Designer.Host"), "Bpm.Designer.Host.dll", waitUntilReady ? "/" : null, start =>
        {
            start.Environment["Bpm__Designer__EngineUrl"] = engineUrl?.ToString() ?? "";
            start.Environment["Bpm__Designer__ApiKey"] = apiKey ?? "";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        });

    private static async Task<HostProcess> StartAsync(string project, string assembly, string? readyPath, Action<ProcessStartInfo> configure)
    {
        var dataFolder = Directory.CreateTempSubdirectory("bpm-designer-tests-").FullName;
        var start = ChildProcess.Dotnet(SourceTree.BuildOutput(project, assembly), dataFolder);
        var address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        configure(start);
        var host = new HostProcess(ChildProcess.Start(start), address, dataFolder);
        if (readyPath is not null) await host._process.WaitUntilAnsweringAsync(new Uri(address, readyPath), "host");
        return host;
    }

    /// <summary>Waits for the process to end by itself, as a host refusing its configuration does.</summary>
    public Task<int> WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(timeout);

    /// <summary>A client of the REST API, for what the browser journeys need done by a worker or checked behind the UI.</summary>
    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseAddress, "/engine-rest/"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("x-api-key", ApiKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
    }
}
