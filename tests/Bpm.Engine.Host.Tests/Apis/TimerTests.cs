using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Apis;

/// <summary>Timers fire through the job executor of a running engine.</summary>
public abstract class TimerTests(EngineFixture fixture)
{
    private EngineClient Client => fixture.Client;

    private static string In(TimeSpan from) => DateTimeOffset.UtcNow.Add(from).ToString("O");

    internal static string Variables(string dueAt, string approvalTimeout) =>
        new System.Text.Json.Nodes.JsonObject
        {
            ["dueAt"] = new System.Text.Json.Nodes.JsonObject { ["value"] = dueAt },
            ["approvalTimeout"] = new System.Text.Json.Nodes.JsonObject { ["value"] = approvalTimeout },
        }.ToJsonString();

    [Fact]
    public async Task Should_move_on_when_the_catch_timer_is_due_and_escalate_when_the_boundary_timer_is()
    {
        var (key, _) = await Client.DeployUniqueAsync("timers.bpmn", "timers");
        var instance = await Client.StartAsync(key, Variables(In(TimeSpan.FromSeconds(1)), "PT1S"));
        Assert.Equal(["start", "wait"], await Client.PathAsync(instance));

        await EngineClient.EventuallyAsync(async () => await Client.HistoryStateAsync(instance) == "COMPLETED", TimeSpan.FromSeconds(60), "both timers");

        Assert.Equal(["start", "wait", "approve", "overdue", "escalated"], await Client.PathAsync(instance));
        var approve = (await Client.GetJsonAsync($"history/activity-instance?processInstanceId={instance}&activityId=approve")).AsArray().Single()!;
        Assert.True(approve["canceled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Should_cancel_the_boundary_timer_when_the_task_is_completed()
    {
        var (key, _) = await Client.DeployUniqueAsync("timers.bpmn", "timers");
        var instance = await Client.StartAsync(key, Variables(In(TimeSpan.FromDays(-1)), "PT1H"));
        await EngineClient.EventuallyAsync(async () => (await Client.GetJsonAsync($"task?processInstanceId={instance}")).AsArray().Count == 1, TimeSpan.FromSeconds(30), "the approval task");
        var task = (await Client.GetJsonAsync($"task?processInstanceId={instance}")).AsArray().Single()!["id"]!.GetValue<string>();
        var boundary = Assert.Single((await Client.GetJsonAsync($"job?processInstanceId={instance}")).AsArray())!;
        Assert.InRange(DateTimeOffset.Parse(boundary["dueDate"]!.GetValue<string>()), DateTimeOffset.UtcNow.AddMinutes(50), DateTimeOffset.UtcNow.AddMinutes(61));

        await Client.PostAsync($"task/{task}/complete", "{}");

        Assert.Equal(0, (await Client.GetJsonAsync($"job/count?processInstanceId={instance}"))["count"]!.GetValue<long>());
        Assert.Equal(["start", "wait", "approve", "end"], await Client.PathAsync(instance));
        Assert.Equal("COMPLETED", await Client.HistoryStateAsync(instance));
    }

    [Fact]
    public async Task Should_start_instances_by_a_timer_start_event_as_often_as_its_cycle_says()
    {
        var (key, _) = await Client.DeployUniqueAsync("timer-start.bpmn", "ticker");

        await EngineClient.EventuallyAsync(async () => (await Client.GetJsonAsync($"process-instance/count?processDefinitionKey={key}"))["count"]!.GetValue<long>() == 2,
            TimeSpan.FromSeconds(60), "two timer-started instances");
        await Task.Delay(2500);

        Assert.Equal(2, (await Client.GetJsonAsync($"process-instance/count?processDefinitionKey={key}"))["count"]!.GetValue<long>());
    }

    [Fact]
    public async Task Should_unschedule_the_timer_start_of_a_superseded_version()
    {
        var key = "ticker_" + Guid.NewGuid().ToString("N")[..8];
        var hourly = EngineClient.FixtureXml("timer-start.bpmn").Replace("id=\"ticker\"", $"id=\"{key}\"").Replace("R2/PT1S", "R2/PT1H");
        await Client.DeployAsync(key + ".bpmn", hourly);
        var scheduled = (await Client.GetJsonAsync($"job?processDefinitionKey={key}&timers=true")).AsArray();
        var due = DateTimeOffset.Parse(Assert.Single(scheduled)!["dueDate"]!.GetValue<string>());
        Assert.InRange(due, DateTimeOffset.UtcNow.AddMinutes(50), DateTimeOffset.UtcNow.AddMinutes(61));

        var withoutTimer = hourly.Replace("<bpmn:timerEventDefinition><bpmn:timeCycle>R2/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition>", "");
        await Client.DeployAsync(key + ".bpmn", withoutTimer);

        Assert.Equal(0, (await Client.GetJsonAsync($"job/count?processDefinitionKey={key}"))["count"]!.GetValue<long>());
        Assert.Equal(0, (await Client.GetJsonAsync($"process-instance/count?processDefinitionKey={key}"))["count"]!.GetValue<long>());
    }
}

public sealed class TimerOnSqlite(SqliteEngine fixture) : TimerTests(fixture), IClassFixture<SqliteEngine>;

public sealed class TimerOnPostgreSql(PostgreSqlEngine fixture) : TimerTests(fixture), IClassFixture<PostgreSqlEngine>;
