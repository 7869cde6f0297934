using System.Net;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Apis;

public sealed class HostConfigurationTests
{
    [Fact]
    public async Task Should_auto_deploy_the_model_folder_and_add_a_version_only_when_a_file_changed()
    {
        var folder = Directory.CreateTempSubdirectory("bpm-models-").FullName;
        var xml = EngineClient.FixtureXml("parallel-gateway.bpmn");
        await File.WriteAllTextAsync(Path.Combine(folder, "parallel.bpmn"), xml);
        await File.WriteAllTextAsync(Path.Combine(folder, "broken.bpmn"), "<not-bpmn/>");
        var settings = new Dictionary<string, string> { ["Bpm__AutoDeploy__Enabled"] = "true", ["Bpm__AutoDeploy__Folder"] = folder };
        await using var database = TestDatabase.Sqlite();

        await using (var first = await EngineProcess.StartAsync(database, settings))
            Assert.Equal(1, (await VersionAsync(first))["version"]!.GetValue<int>());
        await using (var unchanged = await EngineProcess.StartAsync(database, settings))
            Assert.Equal(1, (await VersionAsync(unchanged))["version"]!.GetValue<int>());
        await File.WriteAllTextAsync(Path.Combine(folder, "parallel.bpmn"), xml.Replace("<bpmn:endEvent id=\"end\" />", "<bpmn:endEvent id=\"end\" name=\"Done\" />"));
        await using (var changed = await EngineProcess.StartAsync(database, settings))
        {
            Assert.Equal(2, (await VersionAsync(changed))["version"]!.GetValue<int>());
            Assert.Contains("broken.bpmn", changed.Output);
        }
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Should_answer_health_probes_without_a_key()
    {
        await using var database = TestDatabase.Sqlite();
        await using var engine = await EngineProcess.StartAsync(database);
        using var http = new HttpClient { BaseAddress = engine.BaseAddress };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        var openApi = await http.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        Assert.Contains("/engine-rest/external-task/fetchAndLock", await openApi.Content.ReadAsStringAsync());
    }

    private static Task<System.Text.Json.Nodes.JsonNode> VersionAsync(EngineProcess engine) =>
        new EngineClient(engine.Client()).GetJsonAsync("process-definition/key/parallel");
}
