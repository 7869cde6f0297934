using System.Net;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Apis;

/// <summary>An operator sees what waits for its time: an instance's timers, with their due dates and retries.</summary>
public abstract class JobApiTests(EngineFixture fixture)
{
    private EngineClient Client => fixture.Client;

    [Fact]
    public async Task Should_list_count_and_show_the_timer_an_instance_waits_for()
    {
        var (key, _) = await Client.DeployUniqueAsync("timers.bpmn", "timers");
        var instance = await Client.StartAsync(key, TimerTests.Variables("2999-01-01T00:00:00Z", "PT1H"));

        var job = Assert.Single((await Client.GetJsonAsync($"job?processInstanceId={instance}")).AsArray())!;
        var id = job["id"]!.GetValue<string>();

        Assert.Equal(key, job["processDefinitionKey"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2999, 1, 1, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse(job["dueDate"]!.GetValue<string>()));
        Assert.Equal(3, job["retries"]!.GetValue<int>());
        Assert.Equal(1, (await Client.GetJsonAsync($"job/count?processDefinitionKey={key}&timers=true&executable=true"))["count"]!.GetValue<long>());
        Assert.Equal(0, (await Client.GetJsonAsync($"job/count?processDefinitionKey={key}&withException=true"))["count"]!.GetValue<long>());
        Assert.Equal(instance, (await Client.GetJsonAsync($"job/{id}"))["processInstanceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_set_a_jobs_retries_and_refuse_a_negative_count_or_an_unknown_job()
    {
        var (key, _) = await Client.DeployUniqueAsync("timers.bpmn", "timers");
        var instance = await Client.StartAsync(key, TimerTests.Variables("2999-01-01T00:00:00Z", "PT1H"));
        var id = Assert.Single((await Client.GetJsonAsync($"job?processInstanceId={instance}")).AsArray())!["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NoContent, (await Client.PutAsync($"job/{id}/retries", """{"retries": 5}""")).StatusCode);
        var negative = await Client.PutAsync($"job/{id}/retries", """{"retries": -1}""");
        var unknown = await Client.PutAsync("job/no-such-job/retries", """{"retries": 1}""");

        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Contains("retries must not be negative", await negative.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("no-such-job", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(5, (await Client.GetJsonAsync($"job/{id}"))["retries"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.Http.GetAsync("job/no-such-job")).StatusCode);
    }
}

public sealed class JobApiOnSqlite(SqliteEngine fixture) : JobApiTests(fixture), IClassFixture<SqliteEngine>;

public sealed class JobApiOnPostgreSql(PostgreSqlEngine fixture) : JobApiTests(fixture), IClassFixture<PostgreSqlEngine>;
