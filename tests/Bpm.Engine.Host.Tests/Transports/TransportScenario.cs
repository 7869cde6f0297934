using System.Text.Json.Nodes;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Transports;

/// <summary>
/// An engine on PostgreSQL whose <c>echo</c> tasks go to worker processes over a message transport, and
/// the checks every transport must pass: each instance ends once, each task is answered once.
/// </summary>
public sealed class TransportScenario : IAsyncDisposable
{
    private readonly List<WorkerProcess> _workers = [];
    private readonly Dictionary<string, string> _workerSettings;

    private TransportScenario(TestDatabase database, EngineProcess engine, EngineClient client, string key, Dictionary<string, string> workerSettings)
    {
        Database = database;
        Engine = engine;
        Client = client;
        Key = key;
        _workerSettings = workerSettings;
    }

    public TestDatabase Database { get; }
    public EngineProcess Engine { get; }
    public EngineClient Client { get; }
    public string Key { get; }
    public IReadOnlyList<WorkerProcess> Workers => _workers;

    public static async Task<TransportScenario> StartAsync(Dictionary<string, string> engineSettings, Dictionary<string, string> workerSettings, string topic = "echo")
    {
        var database = await TestDatabase.PostgreSqlAsync();
        var settings = new Dictionary<string, string>
        {
            ["Bpm__Transports__LockDuration"] = "00:00:04",
            ["Bpm__Transports__PollInterval"] = "00:00:00.200",
            ["Logging__LogLevel__Bpm"] = "Debug",
        };
        foreach (var (name, value) in engineSettings) settings[name] = value;
        var engine = await EngineProcess.StartAsync(database, settings);
        var client = new EngineClient(engine.Client());
        var (key, _) = await client.DeployUniqueAsync("echo.bpmn", "echo", xml => xml.Replace("camunda:topic=\"echo\"", $"camunda:topic=\"{topic}\""));
        return new TransportScenario(database, engine, client, key, new Dictionary<string, string>(workerSettings)
        {
            ["Bpm__Worker__Http__EngineUrl"] = engine.BaseAddress.ToString(),
        });
    }

    public WorkerProcess AddWorker(string workerId, IDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>(_workerSettings);
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) all[name] = value;
        var worker = WorkerProcess.Start(workerId, all);
        _workers.Add(worker);
        return worker;
    }

    public async Task<List<string>> StartInstancesAsync(int count, string variablesJson = """{"amount": {"value": 21, "type": "Integer"}}""")
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++) ids.Add(await Client.StartAsync(Key, variablesJson));
        return ids;
    }

    public async Task<int> CompletedCountAsync() =>
        (await Client.GetJsonAsync($"history/process-instance?processDefinitionKey={Key}&state=COMPLETED&maxResults=10000")).AsArray().Count;

    public async Task WaitForCompletedAsync(int count, TimeSpan timeout) =>
        await EngineClient.EventuallyAsync(async () => await CompletedCountAsync() >= count, timeout,
            $"{count} completed instances of {Key}; engine said:\n{Engine.Output}\nworkers said:\n{string.Join("\n---\n", _workers.Select(w => w.Output))}");

    /// <summary>Every instance passed its service task exactly once and ended normally, with the worker's result.</summary>
    public async Task AssertEachCompletedOnceAsync(IReadOnlyList<string> instances)
    {
        foreach (var instance in instances)
        {
            Assert.Equal("COMPLETED", await Client.HistoryStateAsync(instance));
            // The gateway takes "end" only when the worker's result came back: doubled == amount * 2.
            Assert.Equal(["start", "double", "check", "end"], await Client.PathAsync(instance));
        }
    }

    public async Task<JsonArray> IncidentsAsync() => (await Client.GetJsonAsync("incident")).AsArray();

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers) await worker.DisposeAsync();
        await Engine.DisposeAsync();
        await Database.DisposeAsync();
    }
}
