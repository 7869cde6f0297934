using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bpm.Bench.Infrastructure;

/// <summary>The engine host as its own process, as it runs in production, configured through environment variables.</summary>
public sealed class EngineHost : IAsyncDisposable
{
    public const string ApiKey = "bench-key";

    private readonly Process _process;
    private readonly string _folder;

    private EngineHost(Process process, Uri address, string folder)
    {
        _process = process;
        _folder = folder;
        Address = address;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("[engine] " + e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    /// <summary>Starts a host on SQLite (a fresh file) or on the given PostgreSQL database.</summary>
    public static async Task<EngineHost> StartAsync(string? postgresConnectionString, IDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        // A folder of its own, removed afterwards: the host's working folder and the SQLite database's, apart from the
        // shared temporary folder the bench's PostgreSQL server writes in.
        var folder = Directory.CreateTempSubdirectory("bpm-bench-host-").FullName;
        var start = new ProcessStartInfo("dotnet", [RepositoryPaths.HostAssembly()])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Bpm__Auth__ApiKeys__0"] = ApiKey;
        start.Environment["Bpm__AutoDeploy__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (postgresConnectionString is null)
        {
            start.Environment["Bpm__Database__Provider"] = "Sqlite";
            start.Environment["ConnectionStrings__Bpm"] = $"Data Source={Path.Combine(folder, "bpm.db")}";
        }
        else
        {
            start.Environment["Bpm__Database__Provider"] = "PostgreSql";
            start.Environment["ConnectionStrings__Bpm"] = postgresConnectionString + ";Maximum Pool Size=100";
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var host = new EngineHost(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"), folder);
        await host.WaitUntilReadyAsync();
        return host;
    }

    public HttpClient Client()
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var client = new HttpClient(handler) { BaseAddress = new Uri(Address, "/engine-rest/"), Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Add("x-api-key", ApiKey);
        return client;
    }

    /// <summary>Resident memory of the engine process, in bytes, as the kernel reports it.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        throw new InvalidOperationException("VmRSS not found");
    }

    /// <summary>
    /// The engine's managed heap as its last garbage collection left it, all generations, from its metrics endpoint:
    /// what it holds, apart from garbage not collected yet and memory the runtime keeps in reserve.
    /// </summary>
    public async Task<long> ManagedHeapAfterLastCollectionAsync()
    {
        using var scraper = new HttpClient { BaseAddress = Address };
        var text = await scraper.GetStringAsync("/metrics");
        var samples = text.Split('\n').Where(l => l.StartsWith("dotnet_gc_last_collection_heap_size_bytes{", StringComparison.Ordinal)).ToList();
        if (samples.Count == 0) throw new InvalidOperationException("The engine's /metrics has no dotnet_gc_last_collection_heap_size_bytes");
        return samples.Sum(l => (long)double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>CPU time the engine process has used so far, on all cores.</summary>
    public TimeSpan ProcessorTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public async Task DeployAsync(string modelFile)
    {
        using var client = Client();
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(modelFile)), "model", Path.GetFileName(modelFile));
        var response = await client.PostAsync("deployment/create", form);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Deploy failed: {await response.Content.ReadAsStringAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task WaitUntilReadyAsync()
    {
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if (_process.HasExited) throw new InvalidOperationException($"The engine exited with code {_process.ExitCode}");
            try
            {
                if ((await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
        }
        throw new TimeoutException("The engine did not become ready within 60 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
