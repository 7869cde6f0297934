using System.Net;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Apis;

/// <summary>An operator sees an incident, fixes the data and retries it.</summary>
public abstract class IncidentApiTests(EngineFixture fixture)
{
    private EngineClient Client => fixture.Client;

    [Fact]
    public async Task Should_retry_a_failed_condition_after_the_variable_was_fixed()
    {
        var (key, _) = await Client.DeployUniqueAsync("exclusive-no-default.bpmn", "exclusiveNoDefault");
        var instance = await Client.StartAsync(key, """{"region": {"value": "US"}}""");
        var incident = Assert.Single((await Client.GetJsonAsync($"incident?processInstanceId={instance}")).AsArray())!;
        Assert.Equal("failedExpression", incident["incidentType"]!.GetValue<string>());
        Assert.Contains("score", incident["incidentMessage"]!.GetValue<string>());

        var fixedVariables = await Client.PostAsync($"process-instance/{instance}/variables", """{"modifications": {"score": {"value": 5, "type": "Integer"}}, "deletions": ["region"]}""");
        var retried = await Client.PostAsync($"incident/{incident["id"]!.GetValue<string>()}/retry", "");

        Assert.Equal(HttpStatusCode.NoContent, fixedVariables.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, retried.StatusCode);
        Assert.Equal("COMPLETED", await Client.HistoryStateAsync(instance));
        Assert.Empty((await Client.GetJsonAsync($"incident?processInstanceId={instance}")).AsArray());
    }

    [Fact]
    public async Task Should_give_an_external_task_incident_one_retry()
    {
        var (key, _) = await Client.DeployUniqueAsync("parallel-gateway.bpmn", "parallel");
        var instance = await Client.StartAsync(key);
        var task = (await Client.GetJsonAsync($"external-task?processInstanceId={instance}&activityId=checkCredit")).AsArray().Single()!["id"]!.GetValue<string>();
        await Client.PostAsync($"external-task/{task}/lock", """{"workerId": "w", "lockDuration": 60000}""");
        await Client.PostAsync($"external-task/{task}/failure", """{"workerId": "w", "errorMessage": "down", "retries": 0}""");
        var incident = Assert.Single((await Client.GetJsonAsync($"incident?processInstanceId={instance}")).AsArray())!["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsync($"incident/{incident}/retry", "")).StatusCode);

        Assert.Equal(1, (await Client.GetJsonAsync($"external-task/{task}"))["retries"]!.GetValue<int>());
        Assert.Empty((await Client.GetJsonAsync($"incident?processInstanceId={instance}")).AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsync("incident/unknown/retry", "")).StatusCode);
    }
}

public sealed class IncidentApiOnSqlite(SqliteEngine fixture) : IncidentApiTests(fixture), IClassFixture<SqliteEngine>;

public sealed class IncidentApiOnPostgreSql(PostgreSqlEngine fixture) : IncidentApiTests(fixture), IClassFixture<PostgreSqlEngine>;
