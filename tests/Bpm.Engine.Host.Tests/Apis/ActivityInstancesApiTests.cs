using System.Net;
using System.Text.Json.Nodes;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Apis;

/// <summary>An operator opens a running instance and sees where its tokens are: Camunda's activity instance tree.</summary>
public abstract class ActivityInstancesApiTests(EngineFixture fixture)
{
    private EngineClient Client => fixture.Client;

    [Fact]
    public async Task Should_show_a_waiting_task_under_the_sub_process_that_holds_it()
    {
        var (key, _) = await Client.DeployUniqueAsync("sub-process.bpmn", "subProcesses");
        var instance = await Client.StartAsync(key, """{"amount": {"value": 3, "type": "Integer"}}""");
        var task = await Client.ExternalTaskIdAsync(instance);

        var tree = await Client.GetJsonAsync($"process-instance/{instance}/activity-instances");

        Assert.Equal(instance, tree["id"]!.GetValue<string>());
        Assert.Equal("processDefinition", tree["activityType"]!.GetValue<string>());
        var handle = Assert.Single(Children(tree));
        Assert.Equal(("handle", "subProcess", "Handle order"), (handle["activityId"]!.GetValue<string>(), handle["activityType"]!.GetValue<string>(), handle["activityName"]!.GetValue<string>()));
        Assert.Equal(instance, handle["parentActivityInstanceId"]!.GetValue<string>());
        var pack = Assert.Single(Children(handle));
        Assert.Equal(("pack", "serviceTask"), (pack["activityId"]!.GetValue<string>(), pack["activityType"]!.GetValue<string>()));
        Assert.Equal(task, pack["id"]!.GetValue<string>());
        Assert.Equal(handle["id"]!.GetValue<string>(), pack["parentActivityInstanceId"]!.GetValue<string>());
        Assert.Empty(Children(pack));
    }

    [Fact]
    public async Task Should_show_a_branch_waiting_at_a_join_beside_the_branch_still_working()
    {
        var (key, _) = await Client.DeployUniqueAsync("parallel-gateway.bpmn", "parallel");
        var instance = await Client.StartAsync(key);
        var before = await Client.GetJsonAsync($"process-instance/{instance}/activity-instances");
        var credit = await Client.ExternalTaskIdAsync(instance, "checkCredit");
        await Client.LockExternalTaskAsync(credit, "w");
        Assert.Equal(HttpStatusCode.NoContent, (await Client.CompleteExternalTaskAsync(credit, "w")).StatusCode);

        var after = await Client.GetJsonAsync($"process-instance/{instance}/activity-instances");

        Assert.Equal(["checkCredit", "checkStock"], Children(before).Select(ActivityId).Order());
        Assert.Equal(["checkStock", "join"], Children(after).Select(ActivityId).Order());
        Assert.Equal("parallelGateway", Children(after).Single(c => ActivityId(c) == "join")["activityType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_name_the_incident_on_the_task_it_stopped()
    {
        var (key, _) = await Client.DeployUniqueAsync("parallel-gateway.bpmn", "parallel");
        var instance = await Client.StartAsync(key);
        var credit = await Client.ExternalTaskIdAsync(instance, "checkCredit");
        await Client.LockExternalTaskAsync(credit, "w");
        await Client.PostAsync($"external-task/{credit}/failure", """{"workerId": "w", "errorMessage": "down", "retries": 0}""");
        var incident = Assert.Single((await Client.GetJsonAsync($"incident?processInstanceId={instance}")).AsArray())!["id"]!.GetValue<string>();

        var tree = await Client.GetJsonAsync($"process-instance/{instance}/activity-instances");

        var failed = Children(tree).Single(c => ActivityId(c) == "checkCredit");
        Assert.Equal([incident], failed["incidentIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(credit, failed["incidents"]!.AsArray().Single()!["parentActivityInstanceId"]!.GetValue<string>());
        Assert.Empty(Children(tree).Single(c => ActivityId(c) == "checkStock")["incidentIds"]!.AsArray());
    }

    [Fact]
    public async Task Should_answer_404_for_an_ended_or_unknown_instance()
    {
        var (key, _) = await Client.DeployUniqueAsync("sub-process.bpmn", "subProcesses");
        var instance = await Client.StartAsync(key, """{"amount": {"value": 3, "type": "Integer"}}""");
        Assert.Equal(HttpStatusCode.NoContent, (await Client.Http.DeleteAsync($"process-instance/{instance}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await Client.Http.GetAsync($"process-instance/{instance}/activity-instances")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.Http.GetAsync("process-instance/unknown/activity-instances")).StatusCode);
    }

    private static List<JsonNode> Children(JsonNode node) => [.. node["childActivityInstances"]!.AsArray().Select(c => c!)];

    private static string ActivityId(JsonNode node) => node["activityId"]!.GetValue<string>();
}

public sealed class ActivityInstancesApiOnSqlite(SqliteEngine fixture) : ActivityInstancesApiTests(fixture), IClassFixture<SqliteEngine>;

public sealed class ActivityInstancesApiOnPostgreSql(PostgreSqlEngine fixture) : ActivityInstancesApiTests(fixture), IClassFixture<PostgreSqlEngine>;

/// <summary>The tree is the instance's own state: it is the same when no activity history is written.</summary>
public sealed class ActivityInstancesApiWithoutHistory(PostgreSqlEngineWithoutHistory fixture) : ActivityInstancesApiTests(fixture), IClassFixture<PostgreSqlEngineWithoutHistory>;
