using System.Net;
using System.Text.Json.Nodes;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Apis;

public abstract class ProcessInstanceApiTests(EngineFixture fixture)
{
    private EngineClient Client => fixture.Client;

    [Fact]
    public async Task Should_list_and_read_running_instances()
    {
        var (key, _) = await Client.DeployUniqueAsync("parallel-gateway.bpmn", "parallel");
        var instance = await Client.StartAsync(key, """{"amount": {"value": 5, "type": "Integer"}}""", businessKey: "order-77");

        var list = await Client.GetJsonAsync($"process-instance?processDefinitionKey={key}");
        var byBusinessKey = await Client.GetJsonAsync($"process-instance?businessKey=order-77&processDefinitionKey={key}");
        var single = await Client.GetJsonAsync($"process-instance/{instance}");
        var variables = await Client.GetJsonAsync($"process-instance/{instance}/variables");

        Assert.Equal(instance, Assert.Single(list.AsArray())!["id"]!.GetValue<string>());
        Assert.Single(byBusinessKey.AsArray());
        Assert.Equal("order-77", single["businessKey"]!.GetValue<string>());
        Assert.False(single["ended"]!.GetValue<bool>());
        Assert.Equal(5, variables["amount"]!["value"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_keep_the_declared_type_of_a_number_across_commands()
    {
        var (key, _) = await Client.DeployUniqueAsync("parallel-gateway.bpmn", "parallel");
        var instance = await Client.StartAsync(key, """
            {"amount": {"value": 5, "type": "Long"}, "ratio": {"value": 2, "type": "Double"}, "count": {"value": 3, "type": "Short"},
             "quantity": {"value": 4, "type": "Integer"}, "big": {"value": 9000000000}}
            """);
        var credit = (await Client.GetJsonAsync($"external-task?processInstanceId={instance}&activityId=checkCredit")).AsArray().Single()!["id"]!.GetValue<string>();
        await Client.PostAsync($"external-task/{credit}/lock", """{"workerId": "w", "lockDuration": 60000}""");

        var completed = await Client.CompleteExternalTaskAsync(credit, "w", """{"limit": {"value": 1000, "type": "Long"}, "ratio": {"value": 7}}""");
        var variables = await Client.GetJsonAsync($"process-instance/{instance}/variables");
        var fetched = await Client.PostAsync("external-task/fetchAndLock",
            $$"""{"workerId": "x", "maxTasks": 1, "topics": [{"topicName": "stock", "lockDuration": 1000, "processDefinitionKey": "{{key}}"}]}""");
        var handedOut = (await EngineClient.Json(fetched)).AsArray().Single()!["variables"]!;

        Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);
        foreach (var seen in new[] { variables, handedOut })
        {
            Assert.Equal(("Long", "5"), Typed(seen["amount"]));
            Assert.Equal(("Short", "3"), Typed(seen["count"]));
            Assert.Equal(("Integer", "4"), Typed(seen["quantity"]));
            Assert.Equal(("Long", "9000000000"), Typed(seen["big"]));
            Assert.Equal(("Long", "1000"), Typed(seen["limit"]));
            Assert.Equal(("Integer", "7"), Typed(seen["ratio"]));
        }
        var restarted = await Client.StartAsync(key, """{"ratio": {"value": 2, "type": "Double"}}""");
        Assert.Equal(("Double", "2"), Typed((await Client.GetJsonAsync($"process-instance/{restarted}/variables"))["ratio"]));
    }

    [Fact]
    public async Task Should_take_a_request_body_of_megabytes_and_refuse_one_past_the_limit_by_saying_so()
    {
        var (key, _) = await Client.DeployUniqueAsync("service-task.bpmn", "single-task");
        var note = new string('n', 3 * 1024 * 1024);

        var instance = await Client.StartAsync(key, "{\"note\": {\"value\": \"" + note + "\"}}");
        var tooLarge = await Client.PostAsync($"process-definition/key/{key}/start", "{\"variables\": {\"note\": {\"value\": \"" + note + note + "\"}}}");

        Assert.Equal(note, (await Client.GetJsonAsync($"process-instance/{instance}/variables"))["note"]!["value"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Contains($"larger than {4 * 1024 * 1024} bytes", await tooLarge.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_keep_variables_whose_names_differ_only_in_case_apart()
    {
        var (key, _) = await Client.DeployUniqueAsync("parallel-gateway.bpmn", "parallel");
        var instance = await Client.StartAsync(key, """{"amount": {"value": 1}, "Amount": {"value": 2}}""");

        var variables = await Client.GetJsonAsync($"process-instance/{instance}/variables");

        Assert.Equal("1", variables["amount"]!["value"]!.ToJsonString());
        Assert.Equal("2", variables["Amount"]!["value"]!.ToJsonString());
    }

    private static (string Type, string Value) Typed(JsonNode? variable) =>
        (variable!["type"]!.GetValue<string>(), variable["value"]!.ToJsonString());

    [Fact]
    public async Task Should_cancel_an_instance_and_record_it_as_externally_terminated()
    {
        var (key, _) = await Client.DeployUniqueAsync("parallel-gateway.bpmn", "parallel");
        var instance = await Client.StartAsync(key);

        var deleted = await Client.Http.DeleteAsync($"process-instance/{instance}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal("EXTERNALLY_TERMINATED", await Client.HistoryStateAsync(instance));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.Http.GetAsync($"process-instance/{instance}")).StatusCode);
        Assert.Empty((await Client.GetJsonAsync($"external-task?processInstanceId={instance}")).AsArray());
        var activities = (await Client.GetJsonAsync($"history/activity-instance?processInstanceId={instance}&canceled=true")).AsArray();
        Assert.Equal(["checkCredit", "checkStock"], activities.Select(a => a!["activityId"]!.GetValue<string>()).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.Http.DeleteAsync($"process-instance/{instance}")).StatusCode);
    }

    [Fact]
    public async Task Should_hold_tasks_and_timers_of_a_suspended_instance_until_it_is_resumed()
    {
        var (key, _) = await Client.DeployUniqueAsync("parallel-gateway.bpmn", "parallel");
        var instance = await Client.StartAsync(key);
        var task = (await Client.GetJsonAsync($"external-task?processInstanceId={instance}&activityId=checkCredit")).AsArray().Single()!["id"]!.GetValue<string>();
        await Client.PostAsync($"external-task/{task}/lock", """{"workerId": "w", "lockDuration": 60000}""");

        Assert.Equal(HttpStatusCode.NoContent, (await Client.PutAsync($"process-instance/{instance}/suspended", """{"suspended": true}""")).StatusCode);

        Assert.True((await Client.GetJsonAsync($"process-instance/{instance}"))["suspended"]!.GetValue<bool>());
        Assert.True((await Client.GetJsonAsync($"external-task/{task}"))["suspended"]!.GetValue<bool>());
        var refused = await Client.CompleteExternalTaskAsync(task, "w");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("suspended", (await EngineClient.Json(refused))["message"]!.GetValue<string>());
        var fetched = await Client.PostAsync("external-task/fetchAndLock", $$"""{"workerId": "x", "maxTasks": 5, "topics": [{"topicName": "stock", "lockDuration": 1000, "processDefinitionKey": "{{key}}"}]}""");
        Assert.Empty((await EngineClient.Json(fetched)).AsArray());

        Assert.Equal(HttpStatusCode.NoContent, (await Client.PutAsync($"process-instance/{instance}/suspended", """{"suspended": false}""")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.CompleteExternalTaskAsync(task, "w")).StatusCode);
    }

    [Fact]
    public async Task Should_record_the_history_of_every_activity_instance()
    {
        var (key, _) = await Client.DeployUniqueAsync("sub-process.bpmn", "subProcesses");
        var instance = await Client.StartAsync(key, """{"amount": {"value": 3, "type": "Integer"}}""");
        var task = Assert.Single((await Client.GetJsonAsync($"external-task?processInstanceId={instance}")).AsArray())!;
        await Client.PostAsync($"external-task/{task["id"]!.GetValue<string>()}/lock", """{"workerId": "w", "lockDuration": 10000}""");
        await Client.CompleteExternalTaskAsync(task["id"]!.GetValue<string>(), "w");

        var history = (await Client.GetJsonAsync($"history/activity-instance?processInstanceId={instance}")).AsArray();

        Assert.Equal(["start", "handle", "subStart", "pack", "milestone", "subEnd", "end"], history.Select(a => a!["activityId"]!.GetValue<string>()));
        Assert.All(history, a => Assert.NotNull(a!["endTime"]));
        var handle = history.Single(a => a!["activityId"]!.GetValue<string>() == "handle")!;
        Assert.Equal(handle["id"]!.GetValue<string>(), history.Single(a => a!["activityId"]!.GetValue<string>() == "pack")!["parentActivityInstanceId"]!.GetValue<string>());
        Assert.Equal("subProcess", handle["activityType"]!.GetValue<string>());
        Assert.Equal("COMPLETED", await Client.HistoryStateAsync(instance));
        // Each activity names its instance's definition, which its row does not repeat.
        var definitionId = (await Client.GetJsonAsync($"history/process-instance/{instance}"))["processDefinitionId"]!.GetValue<string>();
        Assert.All(history, a =>
        {
            Assert.Equal(key, a!["processDefinitionKey"]!.GetValue<string>());
            Assert.Equal(definitionId, a["processDefinitionId"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task Should_answer_404_for_an_unknown_instance()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.Http.GetAsync("process-instance/unknown")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.Http.GetAsync("process-instance/unknown/variables")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.Http.GetAsync("history/process-instance/unknown")).StatusCode);
    }
}

public sealed class ProcessInstanceApiOnSqlite(SqliteEngine fixture) : ProcessInstanceApiTests(fixture), IClassFixture<SqliteEngine>;

public sealed class ProcessInstanceApiOnPostgreSql(PostgreSqlEngine fixture) : ProcessInstanceApiTests(fixture), IClassFixture<PostgreSqlEngine>;
