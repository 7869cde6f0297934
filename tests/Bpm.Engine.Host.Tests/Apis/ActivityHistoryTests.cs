using System.Net;
using System.Text.Json.Nodes;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Apis;

/// <summary>
/// The history of activities that wait for an external task. At process level such an activity has no history row
/// while it waits: its task stands for it, and the history API lists it open all the same. Its row is written once,
/// complete, when the task ends.
/// </summary>
public abstract class ActivityHistoryTests(EngineFixture fixture)
{
    private EngineClient Client => fixture.Client;

    private async Task<JsonArray> HistoryAsync(string instance, string filter = "") =>
        (await Client.GetJsonAsync($"history/activity-instance?processInstanceId={instance}{filter}")).AsArray();

    private static string Text(JsonNode? activity, string field) => activity![field]!.GetValue<string>();

    /// <summary>Completes "pack" and waits for the continuation behind it to make the task of "ship".</summary>
    private async Task PackAsync(string instance)
    {
        var pack = await Client.ExternalTaskIdAsync(instance, "pack");
        await Client.LockExternalTaskAsync(pack, "w");
        Assert.Equal(HttpStatusCode.NoContent, (await Client.CompleteExternalTaskAsync(pack, "w")).StatusCode);
        await EngineClient.EventuallyAsync(async () => (await Client.GetJsonAsync($"external-task?processInstanceId={instance}&activityId=ship")).AsArray().Count == 1,
            TimeSpan.FromSeconds(60), "the continuation that makes the task");
    }

    private Task<long> StoredRowsAsync(string activityInstanceId) =>
        fixture.Database.ScalarAsync<long>($"select count(*) from bpm_activity_instance where id = '{activityInstanceId}'");

    [Fact]
    public async Task Should_list_a_waiting_task_as_an_open_activity_and_write_its_row_once_when_it_completes()
    {
        var (key, _) = await Client.DeployUniqueAsync("waiting-tasks.bpmn", "waitingTasks");
        var instance = await Client.StartAsync(key);
        var task = await Client.ExternalTaskIdAsync(instance, "pack");

        var waiting = await HistoryAsync(instance);

        Assert.Equal(["start", "pack"], waiting.Select(a => Text(a, "activityId")));
        var open = waiting[1]!;
        Assert.Equal(task, Text(open, "id"));
        Assert.Equal("Pack the order", Text(open, "activityName"));
        Assert.Equal("serviceTask", Text(open, "activityType"));
        Assert.Equal(instance, Text(open, "parentActivityInstanceId"));
        Assert.Equal(key, Text(open, "processDefinitionKey"));
        Assert.Null(open["endTime"]);
        Assert.False(open["canceled"]!.GetValue<bool>());
        Assert.Equal(["pack"], (await HistoryAsync(instance, "&unfinished=true")).Select(a => Text(a, "activityId")));
        Assert.Equal(["start"], (await HistoryAsync(instance, "&finished=true")).Select(a => Text(a, "activityId")));
        Assert.Equal(["pack"], (await HistoryAsync(instance, "&activityType=serviceTask")).Select(a => Text(a, "activityId")));
        Assert.Empty(await HistoryAsync(instance, "&activityType=startEvent&activityId=pack"));
        Assert.Empty(await HistoryAsync(instance, "&canceled=true"));
        Assert.Equal(0, await StoredRowsAsync(task));

        await Client.LockExternalTaskAsync(task, "w");
        Assert.Equal(HttpStatusCode.NoContent, (await Client.CompleteExternalTaskAsync(task, "w")).StatusCode);

        var done = (await HistoryAsync(instance)).Single(a => Text(a, "activityId") == "pack")!;
        Assert.Equal(task, Text(done, "id"));
        Assert.Equal(Text(open, "startTime"), Text(done, "startTime"));
        Assert.Equal("Pack the order", Text(done, "activityName"));
        Assert.NotNull(done["endTime"]);
        Assert.Equal(1, await StoredRowsAsync(task));
    }

    [Fact]
    public async Task Should_keep_one_row_for_an_activity_whose_task_a_later_command_made()
    {
        var (key, _) = await Client.DeployUniqueAsync("waiting-tasks.bpmn", "waitingTasks");
        var instance = await Client.StartAsync(key);
        await PackAsync(instance);
        var ship = await Client.ExternalTaskIdAsync(instance, "ship");

        Assert.Single(await HistoryAsync(instance, "&activityId=ship&unfinished=true"));

        await Client.LockExternalTaskAsync(ship, "w");
        Assert.Equal(HttpStatusCode.NoContent, (await Client.CompleteExternalTaskAsync(ship, "w")).StatusCode);

        Assert.Equal(["start", "pack", "ship", "end"], await Client.PathAsync(instance));
        Assert.NotNull(Assert.Single(await HistoryAsync(instance, "&activityId=ship"))!["endTime"]);
        Assert.Equal("COMPLETED", await Client.HistoryStateAsync(instance));
    }

    [Fact]
    public async Task Should_keep_an_activity_open_while_its_uncaught_error_waits_for_a_retry_and_close_it_once()
    {
        var (key, _) = await Client.DeployUniqueAsync("waiting-tasks.bpmn", "waitingTasks");
        var instance = await Client.StartAsync(key);
        var task = await Client.ExternalTaskIdAsync(instance, "pack");
        await Client.LockExternalTaskAsync(task, "w");
        await Client.PostAsync($"external-task/{task}/bpmnError", """{"workerId": "w", "errorCode": "NO_BOXES"}""");
        Assert.Empty((await Client.GetJsonAsync($"external-task?processInstanceId={instance}")).AsArray());

        var failed = Assert.Single(await HistoryAsync(instance, "&unfinished=true"))!;

        Assert.Equal(task, Text(failed, "id"));
        Assert.Equal("Pack the order", Text(failed, "activityName"));
        var incident = Text(Assert.Single((await Client.GetJsonAsync($"incident?processInstanceId={instance}")).AsArray()), "id");
        Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsync($"incident/{incident}/retry", "")).StatusCode);
        Assert.Single(await HistoryAsync(instance, "&unfinished=true"));
        var retried = await Client.ExternalTaskIdAsync(instance, "pack");
        await Client.LockExternalTaskAsync(retried, "w");
        Assert.Equal(HttpStatusCode.NoContent, (await Client.CompleteExternalTaskAsync(retried, "w")).StatusCode);

        var pack = Assert.Single(await HistoryAsync(instance, "&activityId=pack"))!;
        Assert.NotNull(pack["endTime"]);
        Assert.Equal(Text(failed, "startTime"), Text(pack, "startTime"));
    }

    [Theory]
    [InlineData("pack")]
    [InlineData("ship")]
    public async Task Should_write_one_canceled_row_for_a_waiting_task_that_a_message_interrupts(string activity)
    {
        // "pack" waits without a row; "ship", behind an asynchronous continuation, got its row before its task.
        var message = "stopOrder-" + Guid.NewGuid().ToString("N")[..8];
        var (key, _) = await Client.DeployUniqueAsync("stoppable-tasks.bpmn", "stoppableTasks", xml => xml.Replace("stopOrder", message));
        var businessKey = "order-" + Guid.NewGuid().ToString("N")[..8];
        var instance = await Client.StartAsync(key, businessKey: businessKey);
        if (activity == "ship") await PackAsync(instance);

        var published = await Client.PostAsync("message", $$"""{"messageName": "{{message}}", "businessKey": "{{businessKey}}"}""");

        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        var interrupted = Assert.Single(await HistoryAsync(instance, $"&activityId={activity}"))!;
        Assert.True(interrupted["canceled"]!.GetValue<bool>());
        Assert.NotNull(interrupted["endTime"]);
        Assert.Equal("stopped", (await Client.PathAsync(instance)).Last());
        Assert.Equal("COMPLETED", await Client.HistoryStateAsync(instance));
    }
}

public sealed class ActivityHistoryOnSqlite(SqliteEngine fixture) : ActivityHistoryTests(fixture), IClassFixture<SqliteEngine>;

public sealed class ActivityHistoryOnPostgreSql(PostgreSqlEngine fixture) : ActivityHistoryTests(fixture), IClassFixture<PostgreSqlEngine>;
