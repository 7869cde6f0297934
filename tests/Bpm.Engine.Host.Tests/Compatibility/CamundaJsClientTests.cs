using Bpm.Engine.Host.Tests.Infrastructure;
using Bpm.Testing;

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
        var folder = SourceTree.PathOf("tests/compat");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "camunda-external-task-client-js")))
        {
            await using var npm = ChildProcess.Start(ChildProcess.Command("npm", ["ci", "--no-audit", "--no-fund"], folder));
            Assert.Equal(0, await npm.WaitForExitAsync(TimeSpan.FromMinutes(3)));
        }

        await using var database = TestDatabase.Sqlite();
        await using var engine = await EngineProcess.StartAsync(database);
        var client = new EngineClient(engine.Client());
        var (key, _) = await client.DeployUniqueAsync("camunda-compat.bpmn", "compat");
        var completed = await client.StartAsync(key, """{"mode": {"value": "complete", "type": "String"}, "amount": {"value": 21, "type": "Integer"}}""");
        var failed = await client.StartAsync(key, """{"mode": {"value": "fail", "type": "String"}}""");
        var errored = await client.StartAsync(key, """{"mode": {"value": "error", "type": "String"}}""");

        var start = ChildProcess.Command("node", ["camunda-client.mjs"], folder);
        start.Environment["ENGINE_URL"] = engine.BaseAddress.ToString().TrimEnd('/');
        start.Environment["API_KEY"] = EngineProcess.ApiKey;
        string log;
        await using (var node = ChildProcess.Start(start))
        {
            await EngineClient.EventuallyAsync(async () =>
                await client.HistoryStateAsync(completed) == "COMPLETED" && await client.HistoryStateAsync(errored) == "COMPLETED"
                && (await client.GetJsonAsync($"incident?processInstanceId={failed}")).AsArray().Count == 1,
                TimeSpan.FromSeconds(60), "the JS client to finish its tasks:\n" + node.Output);
            log = node.Output;
        }

        Assert.Equal(["start", "route", "completeTask", "check", "end"], await client.PathAsync(completed));
        Assert.Equal(["start", "route", "errorTask", "caught", "check2", "endCaught"], await client.PathAsync(errored));
        var incident = Assert.Single((await client.GetJsonAsync($"incident?processInstanceId={failed}")).AsArray())!;
        Assert.Equal("compat failure", incident["incidentMessage"]!.GetValue<string>());
        Assert.Contains("extended ", log);
        Assert.DoesNotContain("failed ", log);
    }
}
