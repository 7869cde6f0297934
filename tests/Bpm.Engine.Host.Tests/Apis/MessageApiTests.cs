using System.Net;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Apis;

public abstract class MessageApiTests(EngineFixture fixture)
{
    private EngineClient Client => fixture.Client;

    /// <summary>Deploys a fixture with its process key and message names made unique to the test.</summary>
    private async Task<(string Key, string Suffix)> DeployAsync(string fixtureName, string key, params string[] messageNames)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var xml = EngineClient.FixtureXml(fixtureName).Replace($"id=\"{key}\"", $"id=\"{key}_{suffix}\"");
        foreach (var name in messageNames) xml = xml.Replace($"name=\"{name}\"", $"name=\"{name}_{suffix}\"");
        Assert.Equal(HttpStatusCode.OK, (await Client.DeployAsync($"{key}_{suffix}.bpmn", xml)).StatusCode);
        return ($"{key}_{suffix}", suffix);
    }

    private Task<HttpResponseMessage> PublishAsync(string json) => Client.PostAsync("message", json);

    [Fact]
    public async Task Should_correlate_by_correlation_key_and_by_business_key_with_variables()
    {
        var (key, s) = await DeployAsync("messages.bpmn", "calls", "callSummary", "paymentCompleted", "cancelRequested", "customerNudged");
        var first = await Client.StartAsync(key, """{"callId": {"value": "CA-1"}}""", businessKey: $"debtor-1-{s}");
        var second = await Client.StartAsync(key, """{"callId": {"value": "CA-2"}}""", businessKey: $"debtor-2-{s}");

        var bySummary = await PublishAsync($$$$"""{"messageName": "callSummary_{{{{s}}}}", "correlationKey": "CA-2", "processVariables": {"summary": {"value": "will pay Friday"}}, "resultEnabled": true}""");
        var byBusinessKey = await PublishAsync($$$$"""{"messageName": "callSummary_{{{{s}}}}", "businessKey": "debtor-1-{{{{s}}}}"}""");

        Assert.Equal(HttpStatusCode.OK, bySummary.StatusCode);
        var result = Assert.Single((await EngineClient.Json(bySummary)).AsArray())!;
        Assert.Equal("Execution", result["resultType"]!.GetValue<string>());
        Assert.Equal(second, result["execution"]!["processInstanceId"]!.GetValue<string>());
        Assert.Equal("will pay Friday", (await Client.GetJsonAsync($"process-instance/{second}/variables"))["summary"]!["value"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, byBusinessKey.StatusCode);
        Assert.Contains("awaitPayment", await Client.PathAsync(first));
    }

    [Fact]
    public async Task Should_correlate_by_process_variables_as_Camunda_7_correlation_keys()
    {
        var (key, s) = await DeployAsync("messages.bpmn", "calls", "callSummary", "paymentCompleted", "cancelRequested", "customerNudged");
        var instance = await Client.StartAsync(key, """{"callId": {"value": "CA-9"}, "orderId": {"value": 4711}}""");
        await PublishAsync($$$$"""{"messageName": "callSummary_{{{{s}}}}", "correlationKey": "CA-9"}""");

        var wrong = await PublishAsync($$$$"""{"messageName": "paymentCompleted_{{{{s}}}}", "correlationKeys": {"orderId": {"value": 4712}}}""");
        var right = await PublishAsync($$$$"""{"messageName": "paymentCompleted_{{{{s}}}}", "correlationKeys": {"orderId": {"value": 4711, "type": "Integer"}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("no process definition or execution matches", (await EngineClient.Json(wrong))["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, right.StatusCode);
        Assert.Equal("COMPLETED", await Client.HistoryStateAsync(instance));
    }

    [Fact]
    public async Task Should_start_an_instance_by_a_message_start_event()
    {
        var (key, s) = await DeployAsync("message-start.bpmn", "pmsSync", "pmsSyncRequested");

        var response = await PublishAsync($$$$"""{"messageName": "pmsSyncRequested_{{{{s}}}}", "businessKey": "tenant-3", "processVariables": {"connectionId": {"value": "conn-7"}}, "resultEnabled": true}""");

        var result = Assert.Single((await EngineClient.Json(response)).AsArray())!;
        Assert.Equal("ProcessDefinition", result["resultType"]!.GetValue<string>());
        var instance = result["processInstance"]!["id"]!.GetValue<string>();
        Assert.Equal("tenant-3", (await Client.GetJsonAsync($"process-instance/{instance}"))["businessKey"]!.GetValue<string>());
        var task = Assert.Single((await Client.GetJsonAsync($"external-task?processInstanceId={instance}")).AsArray())!;
        Assert.Equal("pms-sync", task["topicName"]!.GetValue<string>());
        Assert.Equal($"{key}", (await Client.GetJsonAsync($"history/process-instance/{instance}"))["processDefinitionKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_refuse_an_ambiguous_message_unless_all_is_asked_for()
    {
        var (key, s) = await DeployAsync("messages.bpmn", "calls", "callSummary", "paymentCompleted", "cancelRequested", "customerNudged");
        var a = await Client.StartAsync(key, """{"callId": {"value": "X"}}""");
        var b = await Client.StartAsync(key, """{"callId": {"value": "X"}}""");

        var ambiguous = await PublishAsync($$$$"""{"messageName": "callSummary_{{{{s}}}}", "correlationKey": "X"}""");
        var all = await PublishAsync($$$$"""{"messageName": "callSummary_{{{{s}}}}", "correlationKey": "X", "all": true, "resultEnabled": true}""");

        Assert.Equal(HttpStatusCode.BadRequest, ambiguous.StatusCode);
        Assert.Contains("2 executions match", (await EngineClient.Json(ambiguous))["message"]!.GetValue<string>());
        Assert.Equal(2, (await EngineClient.Json(all)).AsArray().Count);
        Assert.Contains("awaitPayment", await Client.PathAsync(a));
        Assert.Contains("awaitPayment", await Client.PathAsync(b));
    }

    [Fact]
    public async Task Should_buffer_a_message_with_a_time_to_live_and_deliver_it_when_the_wait_begins()
    {
        var (key, s) = await DeployAsync("messages.bpmn", "calls", "callSummary", "paymentCompleted", "cancelRequested", "customerNudged");

        var early = await PublishAsync($$$$"""{"messageName": "callSummary_{{{{s}}}}", "correlationKey": "EARLY", "timeToLive": 60000, "processVariables": {"summary": {"value": "arrived first"}}}""");
        var instance = await Client.StartAsync(key, """{"callId": {"value": "EARLY"}}""");

        Assert.Equal(HttpStatusCode.NoContent, early.StatusCode);
        await EngineClient.EventuallyAsync(async () => (await Client.PathAsync(instance)).Contains("awaitPayment"), TimeSpan.FromSeconds(60), "the buffered message");
        Assert.Equal("arrived first", (await Client.GetJsonAsync($"process-instance/{instance}/variables"))["summary"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_apply_a_message_id_once()
    {
        var (key, s) = await DeployAsync("message-start.bpmn", "pmsSync", "pmsSyncRequested");
        var body = $$$$"""{"messageName": "pmsSyncRequested_{{{{s}}}}", "messageId": "req-{{{{s}}}}"}""";

        Assert.Equal(HttpStatusCode.NoContent, (await PublishAsync(body)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await PublishAsync(body)).StatusCode);

        Assert.Equal(1, (await Client.GetJsonAsync($"process-instance/count?processDefinitionKey={key}"))["count"]!.GetValue<long>());
    }

    [Fact]
    public async Task Should_start_an_interrupting_event_sub_process_by_its_message()
    {
        var (key, s) = await DeployAsync("event-subprocess.bpmn", "order", "orderCancelled");
        var instance = await Client.StartAsync(key);

        var response = await PublishAsync($$$$"""{"messageName": "orderCancelled_{{{{s}}}}", "processInstanceId": "{{{{instance}}}}"}""");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var tasks = (await Client.GetJsonAsync($"external-task?processInstanceId={instance}")).AsArray();
        Assert.Equal("refund", Assert.Single(tasks)!["activityId"]!.GetValue<string>());
        Assert.Contains("cancellation", await Client.PathAsync(instance));
    }

    [Fact]
    public async Task Should_reject_a_message_without_a_name()
    {
        var response = await PublishAsync("""{"businessKey": "x"}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("messageName", (await EngineClient.Json(response))["message"]!.GetValue<string>());
    }
}

public sealed class MessageApiOnSqlite(SqliteEngine fixture) : MessageApiTests(fixture), IClassFixture<SqliteEngine>;

public sealed class MessageApiOnPostgreSql(PostgreSqlEngine fixture) : MessageApiTests(fixture), IClassFixture<PostgreSqlEngine>;
