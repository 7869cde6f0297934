using System.Diagnostics;
using System.Text;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Compatibility;

/// <summary>
/// Camunda's own JavaScript external task client (camunda-external-task-client-js 3.1.0 from npm), unchanged,
/// against <c>/engine-rest</c>: long-polling fetch, extendLock, complete with variables, handleFailure and
/// handleBpmnError each do to the process what they do on Camunda.
/// </summary>
public sealed class CamundaJsClientTests
{
    [Fact]
    public async Task Should_serve_Camundas_external_task_client_unchanged()
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "compat");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "camunda-external-task-client-js")))
            Assert.Equal(0, await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], folder, TimeSpan.FromMinutes(3)));

        await using var database = TestDatabase.Sqlite();
        await using var engine = await EngineProcess.StartAsync(database);
        var client = new EngineClient(engine.Client());
        var (key, _) = await client.DeployUniqueAsync("camunda-compat.bpmn", "compat");
        var completed = await client.StartAsync(key, """{"mode": {"value": "complete", "type": "String"}, "amount": {"value": 21, "type": "Integer"}}""");
        var failed = await client.StartAsync(key, """{"mode": {"value": "fail", "type": "String"}}""");
        var errored = await client.StartAsync(key, """{"mode": {"value": "error", "type": "String"}}""");

        var output = new StringBuilder();
        using var node = StartNode(folder, engine, output);
        try
        {
            await EngineClient.EventuallyAsync(async () =>
                await client.HistoryStateAsync(completed) == "COMPLETED" && await client.HistoryStateAsync(errored) == "COMPLETED"
                && (await client.GetJsonAsync($"incident?processInstanceId={failed}")).AsArray().Count == 1,
                TimeSpan.FromSeconds(60), "the JS client to finish its tasks:\n" + output);
        }
        finally
        {
            node.Kill(entireProcessTree: true);
        }

        Assert.Equal(["start", "route", "completeTask", "check", "end"], await client.PathAsync(completed));
        Assert.Equal(["start", "route", "errorTask", "caught", "check2", "endCaught"], await client.PathAsync(errored));
        var incident = Assert.Single((await client.GetJsonAsync($"incident?processInstanceId={failed}")).AsArray())!;
        Assert.Equal("compat failure", incident["incidentMessage"]!.GetValue<string>());
        string log;
        lock (output) log = output.ToString();
        Assert.Contains("extended ", log);
        Assert.DoesNotContain("failed ", log);
    }

    private static Process StartNode(string folder, EngineProcess engine, StringBuilder output)
    {
        var start = new ProcessStartInfo("node", ["camunda-client.mjs"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ENGINE_URL"] = engine.BaseAddress.ToString().TrimEnd('/');
        start.Environment["API_KEY"] = EngineProcess.ApiKey;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<int> RunAsync(string file, string[] arguments, string folder, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = folder, UseShellExecute = false };
        using var process = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(deadline.Token);
        return process.ExitCode;
    }

    private static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Bpm.sln"))) root = root.Parent;
        return root?.FullName ?? throw new InvalidOperationException("Bpm.sln not found above " + AppContext.BaseDirectory);
    }
}
