using System.Net;
using System.Text.Json.Nodes;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Apis;

public abstract class ExternalTaskApiTests(EngineFixture fixture)
{
    private EngineClient Client => fixture.Client;

    private async Task<(string Key, string Instance)> StartParallelAsync(string variables = "{}")
    {
        var (key, _) = await Client.DeployUniqueAsync("parallel-gateway.bpmn", "parallel");
        return (key, await Client.StartAsync(key, variables, businessKey: "order-1"));
    }

    [Fact]
    public async Task Should_hand_out_a_task_with_its_typed_variables_and_continue_when_completed()
    {
        var (key, instance) = await StartParallelAsync("""{"amount": {"value": 42, "type": "Integer"}, "customer": {"value": "{\"name\":\"Ada\"}", "type": "Json"}}""");
        var tasks = await FetchForInstanceAsync("credit", instance);
        var task = Assert.Single(tasks);
        Assert.Equal("checkCredit", task["activityId"]!.GetValue<string>());
        Assert.Equal("order-1", task["businessKey"]!.GetValue<string>());
        Assert.Equal(42, task["variables"]!["amount"]!["value"]!.GetValue<int>());
        Assert.Equal("Integer", task["variables"]!["amount"]!["type"]!.GetValue<string>());
        Assert.Equal("Json", task["variables"]!["customer"]!["type"]!.GetValue<string>());

        var response = await Client.CompleteExternalTaskAsync(task["id"]!.GetValue<string>(), "w1", """{"creditOk": {"value": true, "type": "boolean"}}""");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var variables = await Client.GetJsonAsync($"process-instance/{instance}/variables");
        Assert.True(variables["creditOk"]!["value"]!.GetValue<bool>());
        Assert.Equal("Boolean", variables["creditOk"]!["type"]!.GetValue<string>());
        Assert.Equal(key, (await Client.GetJsonAsync($"history/process-instance/{instance}"))["processDefinitionKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_hand_out_tasks_oldest_first_or_by_priority_then_age_when_the_worker_asks_for_priority()
    {
        var topic = "priority-" + Guid.NewGuid().ToString("N")[..8];
        string WithPriority(string xml, int priority) =>
            xml.Replace("single-task-topic", topic).Replace("camunda:type=\"external\"", $"camunda:type=\"external\" camunda:taskPriority=\"{priority}\"");
        var (low, _) = await Client.DeployUniqueAsync("service-task.bpmn", "single-task", xml => WithPriority(xml, 1));
        var (high, _) = await Client.DeployUniqueAsync("service-task.bpmn", "single-task", xml => WithPriority(xml, 9));
        var first = await Client.StartAsync(low);
        var urgent = await Client.StartAsync(high);
        var second = await Client.StartAsync(low);

        var byAge = await Client.FetchAndLockAsync("w1", topic, usePriority: false);
        Assert.Equal([first, urgent, second], byAge.Select(t => t!["processInstanceId"]!.GetValue<string>()));
        Assert.Equal([1L, 9L, 1L], byAge.Select(t => t!["priority"]!.GetValue<long>()));
        foreach (var task in byAge) await Client.PostAsync($"external-task/{task!["id"]!.GetValue<string>()}/unlock", "");

        var byPriority = await Client.FetchAndLockAsync("w1", topic, usePriority: true);
        Assert.Equal([urgent, first, second], byPriority.Select(t => t!["processInstanceId"]!.GetValue<string>()));
        Assert.Equal([9L, 1L, 1L], byPriority.Select(t => t!["priority"]!.GetValue<long>()));
        Assert.All(byPriority, t => Assert.Equal("w1", t!["workerId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Should_hand_out_only_the_tasks_of_a_topic_that_its_filters_name()
    {
        var topic = "filtered-" + Guid.NewGuid().ToString("N")[..8];
        var (first, _) = await Client.DeployUniqueAsync("service-task.bpmn", "single-task", xml => xml.Replace("single-task-topic", topic));
        var (second, _) = await Client.DeployUniqueAsync("service-task.bpmn", "single-task", xml => xml.Replace("single-task-topic", topic));
        var secondId = (await Client.GetJsonAsync($"process-definition/key/{second}"))["id"]!.GetValue<string>();
        var ofFirst = await Client.StartAsync(first, """{"n": {"value": 1}}""", businessKey: "order-1");
        var ofSecond = await Client.StartAsync(second, """{"n": {"value": 2}}""", businessKey: "order-2");
        await Client.StartAsync(second, """{"n": {"value": 3}}""", businessKey: "order-3");

        async Task<List<(string Instance, long N)>> FetchAsync(JsonObject filter)
        {
            filter["topicName"] = topic;
            filter["lockDuration"] = 60_000;
            var body = new JsonObject { ["workerId"] = "w1", ["maxTasks"] = 10, ["topics"] = new JsonArray(filter) };
            var response = await Client.PostAsync("external-task/fetchAndLock", body.ToJsonString());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var tasks = (await EngineClient.Json(response)).AsArray();
            foreach (var task in tasks) await Client.PostAsync($"external-task/{task!["id"]!.GetValue<string>()}/unlock", "");
            return [.. tasks.Select(t => (t!["processInstanceId"]!.GetValue<string>(), t["variables"]!["n"]!["value"]!.GetValue<long>()))];
        }

        Assert.Equal([(ofSecond, 2L)], await FetchAsync(new JsonObject { ["businessKey"] = "order-2" }));
        Assert.Equal([(ofFirst, 1L)], await FetchAsync(new JsonObject { ["processDefinitionKeyIn"] = new JsonArray(first) }));
        Assert.Equal([2L, 3L], (await FetchAsync(new JsonObject { ["processDefinitionId"] = secondId })).Select(t => t.N));
        Assert.Empty(await FetchAsync(new JsonObject { ["businessKey"] = "order-1", ["processDefinitionKey"] = second }));
    }

    [Fact]
    public async Task Should_refuse_a_completion_from_a_worker_that_does_not_hold_the_lock()
    {
        var (_, instance) = await StartParallelAsync();
        var task = Assert.Single(await FetchForInstanceAsync("credit", instance));

        var response = await Client.CompleteExternalTaskAsync(task["id"]!.GetValue<string>(), "intruder");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("locked by worker 'w1'", (await EngineClient.Json(response))["message"]!.GetValue<string>());
        Assert.Contains("checkCredit", await ActiveActivitiesAsync(instance));
    }

    [Fact]
    public async Task Should_answer_each_of_many_concurrent_completions_on_its_own_merits()
    {
        // A bad completion or a duplicate among many arriving at once gets its own answer and changes nothing else.
        var topic = "burst-" + Guid.NewGuid().ToString("N")[..8];
        var (key, _) = await Client.DeployUniqueAsync("service-task.bpmn", "single-task", xml => xml.Replace("single-task-topic", topic));
        var instances = new List<string>();
        for (var i = 0; i < 20; i++) instances.Add(await Client.StartAsync(key));
        var fetched = await Client.PostAsync("external-task/fetchAndLock",
            $$"""{"workerId": "w1", "maxTasks": 20, "topics": [{"topicName": "{{topic}}", "lockDuration": 60000}]}""");
        var tasks = (await EngineClient.Json(fetched)).AsArray().Select(t => t!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(20, tasks.Count);

        var answers = await Task.WhenAll(tasks
            .Select((task, i) => (Task: task, Worker: i == 0 ? "intruder" : "w1"))
            .Append((Task: tasks[1], Worker: "w1"))
            .Select(async c => (c.Task, c.Worker, Response: await Client.CompleteExternalTaskAsync(c.Task, c.Worker))));

        var refused = Assert.Single(answers, a => a.Worker == "intruder").Response;
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("locked by worker 'w1'", (await EngineClient.Json(refused))["message"]!.GetValue<string>());
        Assert.Single(answers, a => a.Task == tasks[1] && a.Response.StatusCode == HttpStatusCode.NoContent);
        Assert.Equal(19, answers.Count(a => a.Response.StatusCode == HttpStatusCode.NoContent));
        var states = await Task.WhenAll(instances.Select(Client.HistoryStateAsync));
        Assert.Equal(19, states.Count(s => s == "COMPLETED"));
        Assert.Equal(1, states.Count(s => s == "ACTIVE"));
    }

    [Fact]
    public async Task Should_deliver_a_task_again_when_its_lock_expired_and_refuse_the_late_worker()
    {
        var (_, instance) = await StartParallelAsync();
        var first = Assert.Single(await FetchForInstanceAsync("credit", instance, worker: "slow", lockDuration: 300));
        await Task.Delay(600);

        var again = Assert.Single(await FetchForInstanceAsync("credit", instance, worker: "fast"));
        Assert.Equal(first["id"]!.GetValue<string>(), again["id"]!.GetValue<string>());
        var late = await Client.CompleteExternalTaskAsync(first["id"]!.GetValue<string>(), "slow");
        var current = await Client.CompleteExternalTaskAsync(again["id"]!.GetValue<string>(), "fast");

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, current.StatusCode);
    }

    [Fact]
    public async Task Should_raise_an_incident_when_retries_run_out_and_resolve_it_when_retries_are_set()
    {
        var (_, instance) = await StartParallelAsync();
        var taskId = Assert.Single(await FetchForInstanceAsync("credit", instance))["id"]!.GetValue<string>();

        var failure = await Client.PostAsync($"external-task/{taskId}/failure", """{"workerId": "w1", "errorMessage": "credit bureau down", "errorDetails": "timeout after 30 s", "retries": 0, "retryTimeout": 0}""");

        Assert.Equal(HttpStatusCode.NoContent, failure.StatusCode);
        var incident = Assert.Single((await Client.GetJsonAsync($"incident?processInstanceId={instance}")).AsArray())!;
        Assert.Equal("failedExternalTask", incident["incidentType"]!.GetValue<string>());
        Assert.Equal("credit bureau down", incident["incidentMessage"]!.GetValue<string>());
        Assert.Equal(taskId, incident["configuration"]!.GetValue<string>());
        Assert.Empty(await FetchForInstanceAsync("credit", instance));

        var retries = await Client.PutAsync($"external-task/{taskId}/retries", """{"retries": 2}""");

        Assert.Equal(HttpStatusCode.NoContent, retries.StatusCode);
        Assert.Empty((await Client.GetJsonAsync($"incident?processInstanceId={instance}")).AsArray());
        var refetched = Assert.Single(await FetchForInstanceAsync("credit", instance));
        Assert.Equal(2, refetched["retries"]!.GetValue<int>());
        Assert.Equal("credit bureau down", refetched["errorMessage"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_remove_the_incident_of_a_failed_task_with_the_task()
    {
        // Cancelled with its incident open: the task and the incident go together.
        var (_, cancelled) = await StartParallelAsync();
        var stuck = Assert.Single(await FetchForInstanceAsync("credit", cancelled))["id"]!.GetValue<string>();
        await Client.PostAsync($"external-task/{stuck}/failure", """{"workerId": "w1", "errorMessage": "down", "retries": 0, "retryTimeout": 0}""");
        Assert.Single((await Client.GetJsonAsync($"incident?processInstanceId={cancelled}")).AsArray());
        // Completed after its incident was resolved: nothing is left behind either.
        var (_, completed) = await StartParallelAsync();
        var retried = Assert.Single(await FetchForInstanceAsync("credit", completed))["id"]!.GetValue<string>();
        await Client.PostAsync($"external-task/{retried}/failure", """{"workerId": "w1", "errorMessage": "down", "retries": 0, "retryTimeout": 0}""");
        await Client.PutAsync($"external-task/{retried}/retries", """{"retries": 1}""");
        Assert.Single(await FetchForInstanceAsync("credit", completed));

        Assert.Equal(HttpStatusCode.NoContent, (await Client.Http.DeleteAsync($"process-instance/{cancelled}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.CompleteExternalTaskAsync(retried, "w1")).StatusCode);

        Assert.Empty((await Client.GetJsonAsync($"incident?processInstanceId={cancelled}")).AsArray());
        Assert.Empty((await Client.GetJsonAsync($"external-task?processInstanceId={cancelled}")).AsArray());
        Assert.Empty((await Client.GetJsonAsync($"incident?processInstanceId={completed}")).AsArray());
        Assert.DoesNotContain(retried, (await Client.GetJsonAsync($"external-task?processInstanceId={completed}")).AsArray().Select(t => t!["id"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Conflict, (await Client.CompleteExternalTaskAsync(retried, "w1")).StatusCode);
    }

    [Fact]
    public async Task Should_hold_back_a_failed_task_until_its_retry_timeout_passed()
    {
        var (_, instance) = await StartParallelAsync();
        var taskId = Assert.Single(await FetchForInstanceAsync("credit", instance))["id"]!.GetValue<string>();
        await Client.PostAsync($"external-task/{taskId}/failure", """{"workerId": "w1", "errorMessage": "busy", "retries": 3, "retryTimeout": 5000}""");

        Assert.Empty(await FetchForInstanceAsync("credit", instance));
        await EngineClient.EventuallyAsync(async () => (await FetchForInstanceAsync("credit", instance)).Count == 1, TimeSpan.FromSeconds(60), "the task after its retry timeout");
    }

    [Fact]
    public async Task Should_apply_the_model_retry_policy_when_the_worker_names_no_retries()
    {
        // Five seconds between tries: long enough to see the task held back even on a slow machine.
        var (key, _) = await Client.DeployUniqueAsync("retry-policy.bpmn", "retrying", xml => xml.Replace("R2/PT1S", "R2/PT5S"));
        var instance = await Client.StartAsync(key);
        var task = Assert.Single(await FetchForInstanceAsync("sync-users", instance))!;
        Assert.Equal(2, task["retries"]!.GetValue<int>());
        var id = task["id"]!.GetValue<string>();

        await Client.PostAsync($"external-task/{id}/failure", """{"workerId": "w1", "errorMessage": "Tools API returned 502"}""");

        Assert.Equal(1, (await Client.GetJsonAsync($"external-task/{id}"))["retries"]!.GetValue<int>());
        Assert.Empty(await FetchForInstanceAsync("sync-users", instance));
        await EngineClient.EventuallyAsync(async () => (await FetchForInstanceAsync("sync-users", instance)).Count == 1, TimeSpan.FromSeconds(60), "the task after the model's retry delay");
        await Client.PostAsync($"external-task/{id}/failure", """{"workerId": "w1", "errorMessage": "Tools API returned 502 again"}""");

        var incident = Assert.Single((await Client.GetJsonAsync($"incident?processInstanceId={instance}")).AsArray())!;
        Assert.Equal("Tools API returned 502 again", incident["incidentMessage"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_raise_an_incident_for_an_uncaught_BPMN_error()
    {
        var (_, instance) = await StartParallelAsync();
        var taskId = Assert.Single(await FetchForInstanceAsync("credit", instance))["id"]!.GetValue<string>();

        var response = await Client.PostAsync($"external-task/{taskId}/bpmnError", """{"workerId": "w1", "errorCode": "CREDIT_REFUSED", "errorMessage": "score too low"}""");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var incident = Assert.Single((await Client.GetJsonAsync($"incident?processInstanceId={instance}")).AsArray())!;
        Assert.Equal("unhandledBpmnError", incident["incidentType"]!.GetValue<string>());
        Assert.Contains("CREDIT_REFUSED", incident["incidentMessage"]!.GetValue<string>());
        Assert.Empty(await FetchForInstanceAsync("credit", instance));
    }

    [Fact]
    public async Task Should_route_a_caught_BPMN_error_to_its_boundary_event()
    {
        var (key, _) = await Client.DeployUniqueAsync("error-events.bpmn", "errors");
        var instance = await Client.StartAsync(key);
        var taskId = Assert.Single(await FetchForInstanceAsync("credit", instance))["id"]!.GetValue<string>();

        var response = await Client.PostAsync($"external-task/{taskId}/bpmnError", """{"workerId": "w1", "errorCode": "CREDIT_REFUSED", "errorMessage": "score 310", "variables": {"score": {"value": 310}}}""");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty((await Client.GetJsonAsync($"incident?processInstanceId={instance}")).AsArray());
        Assert.Equal("askGuarantor", Assert.Single((await Client.GetJsonAsync($"task?processInstanceId={instance}")).AsArray())!["taskDefinitionKey"]!.GetValue<string>());
        var variables = await Client.GetJsonAsync($"process-instance/{instance}/variables");
        Assert.Equal("CREDIT_REFUSED", variables["refusalCode"]!["value"]!.GetValue<string>());
        Assert.Equal(310, variables["score"]!["value"]!.GetValue<int>());
        Assert.Empty((await Client.GetJsonAsync($"external-task?processInstanceId={instance}")).AsArray());
    }

    [Fact]
    public async Task Should_extend_lock_and_unlock_for_the_lock_holder()
    {
        var (_, instance) = await StartParallelAsync();
        var taskId = Assert.Single(await FetchForInstanceAsync("credit", instance, lockDuration: 1000))["id"]!.GetValue<string>();

        var extendByOther = await Client.PostAsync($"external-task/{taskId}/extendLock", """{"workerId": "other", "newDuration": 60000}""");
        var extend = await Client.PostAsync($"external-task/{taskId}/extendLock", """{"workerId": "w1", "newDuration": 60000}""");
        var task = await Client.GetJsonAsync($"external-task/{taskId}");

        Assert.Equal(HttpStatusCode.BadRequest, extendByOther.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, extend.StatusCode);
        Assert.True(DateTimeOffset.Parse(task["lockExpirationTime"]!.GetValue<string>()) > DateTimeOffset.UtcNow.AddSeconds(30));

        Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsync($"external-task/{taskId}/unlock", "")).StatusCode);
        Assert.Single(await FetchForInstanceAsync("credit", instance, worker: "w2"));
    }

    [Fact]
    public async Task Should_answer_a_long_poll_as_soon_as_a_task_is_created()
    {
        var (key, _) = await Client.DeployUniqueAsync("parallel-gateway.bpmn", "parallel");
        var topic = "ship";
        var poll = Client.FetchAndLockAsync("poller", topic, maxTasks: 1, asyncResponseTimeout: 20_000);
        await Task.Delay(300);
        Assert.False(poll.IsCompleted);

        var instance = await Client.StartAsync(key);
        foreach (var t in new[] { "credit", "stock" })
        {
            var task = Assert.Single(await FetchForInstanceAsync(t, instance));
            await Client.CompleteExternalTaskAsync(task["id"]!.GetValue<string>(), "w1");
        }

        var delivered = await poll.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.NotEmpty(delivered);
    }

    [Theory]
    [InlineData("""{"variables": {"amount": {"value": "abc", "type": "Integer"}}}""", "amount")]
    [InlineData("""{"variables": {"file": {"value": "AAAA", "type": "Bytes"}}}""", "Bytes")]
    [InlineData("""{"variables": """, "JSON")]
    public async Task Should_reject_bad_variables_and_start_nothing(string body, string mentioned)
    {
        var (key, _) = await Client.DeployUniqueAsync("parallel-gateway.bpmn", "parallel");

        var response = await Client.PostAsync($"process-definition/key/{key}/start", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(mentioned, (await EngineClient.Json(response))["message"]!.GetValue<string>());
        Assert.Equal(0, (await Client.GetJsonAsync($"process-instance/count?processDefinitionKey={key}"))["count"]!.GetValue<long>());
    }

    [Fact]
    public async Task Should_answer_404_for_unknown_task_ids()
    {
        var complete = await Client.CompleteExternalTaskAsync("no-such-task", "w1");
        var retries = await Client.PutAsync("external-task/no-such-task/retries", """{"retries": 1}""");
        Assert.Equal(HttpStatusCode.NotFound, complete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, retries.StatusCode);
    }

    private async Task<List<System.Text.Json.Nodes.JsonNode>> FetchForInstanceAsync(string topic, string instance, string worker = "w1", long lockDuration = 60_000)
    {
        var body = $$"""
            {"workerId": "{{worker}}", "maxTasks": 10, "topics": [{"topicName": "{{topic}}", "lockDuration": {{lockDuration}}, "businessKey": null}]}
            """;
        // Tasks of other tests share the topic; keep the ones of this instance, give the others back.
        var response = await Client.PostAsync("external-task/fetchAndLock", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var all = (await EngineClient.Json(response)).AsArray().Select(t => t!).ToList();
        foreach (var other in all.Where(t => t["processInstanceId"]!.GetValue<string>() != instance))
            await Client.PostAsync($"external-task/{other["id"]!.GetValue<string>()}/unlock", "");
        return all.Where(t => t["processInstanceId"]!.GetValue<string>() == instance).ToList();
    }

    private async Task<List<string>> ActiveActivitiesAsync(string instance) =>
        (await Client.GetJsonAsync($"history/activity-instance?processInstanceId={instance}&unfinished=true")).AsArray()
            .Select(a => a!["activityId"]!.GetValue<string>()).ToList();
}

public sealed class ExternalTaskApiOnSqlite(SqliteEngine fixture) : ExternalTaskApiTests(fixture), IClassFixture<SqliteEngine>;

public sealed class ExternalTaskApiOnPostgreSql(PostgreSqlEngine fixture) : ExternalTaskApiTests(fixture), IClassFixture<PostgreSqlEngine>;
