using System.Net;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Apis;

/// <summary>The engine, not only the designer, keeps operators' and analysts' calls to their groups; machines keep every call.</summary>
public sealed class OperatorPermissionTests(EngineWithUsers fixture) : IClassFixture<EngineWithUsers>
{
    private async Task<string> StartWaitingInstanceAsync()
    {
        var machine = fixture.Machine();
        var (key, _) = await machine.DeployUniqueAsync("user-task.bpmn", "userTasks");
        return await machine.StartAsync(key, """{"initiator": {"value": null, "type": "Null"}, "approverGroups": {"value": "[\"board\"]", "type": "Json"}, "amount": {"value": 7, "type": "Long"}}""");
    }

    private static async Task<string> MessageOf(HttpResponseMessage response) => (await EngineClient.Json(response))["message"]!.GetValue<string>();

    [Fact]
    public async Task Should_refuse_instance_changes_to_a_person_outside_the_operators_group_and_change_nothing()
    {
        var instance = await StartWaitingInstanceAsync();
        var carol = fixture.As("carol", "carol-secret");

        var cancel = await carol.Http.DeleteAsync($"process-instance/{instance}");
        var suspend = await carol.PutAsync($"process-instance/{instance}/suspended", """{"suspended": true}""");
        var variables = await carol.PostAsync($"process-instance/{instance}/variables", """{"modifications": {"amount": {"value": 9, "type": "Long"}}}""");
        var actingFor = await fixture.ActingFor("carol").Http.DeleteAsync($"process-instance/{instance}");

        Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);
        Assert.Equal("User 'carol' may not cancel process instances: that needs the group 'operators'", await MessageOf(cancel));
        Assert.Equal(HttpStatusCode.Forbidden, suspend.StatusCode);
        Assert.Contains("suspend or resume", await MessageOf(suspend));
        Assert.Equal(HttpStatusCode.Forbidden, variables.StatusCode);
        Assert.Contains("change the variables", await MessageOf(variables));
        Assert.Equal(HttpStatusCode.Forbidden, actingFor.StatusCode);
        var machine = fixture.Machine();
        Assert.False((await machine.GetJsonAsync($"process-instance/{instance}"))["suspended"]!.GetValue<bool>());
        Assert.Equal(7, (await machine.GetJsonAsync($"process-instance/{instance}/variables"))["amount"]!["value"]!.GetValue<long>());
    }

    [Fact]
    public async Task Should_leave_a_jobs_retries_to_operators()
    {
        var machine = fixture.Machine();
        var (key, _) = await machine.DeployUniqueAsync("timers.bpmn", "timers");
        var instance = await machine.StartAsync(key, TimerTests.Variables("2999-01-01T00:00:00Z", "PT1H"));
        var job = Assert.Single((await machine.GetJsonAsync($"job?processInstanceId={instance}")).AsArray())!["id"]!.GetValue<string>();

        var refused = await fixture.As("carol", "carol-secret").PutAsync($"job/{job}/retries", """{"retries": 9}""");
        var allowed = await fixture.As("olga", "olga-secret").PutAsync($"job/{job}/retries", """{"retries": 5}""");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("User 'carol' may not set the retries of jobs: that needs the group 'operators'", await MessageOf(refused));
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(5, (await machine.GetJsonAsync($"job/{job}"))["retries"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_let_an_operator_suspend_resume_change_variables_and_cancel()
    {
        var instance = await StartWaitingInstanceAsync();
        var olga = fixture.As("olga", "olga-secret");

        Assert.Equal(HttpStatusCode.NoContent, (await olga.PutAsync($"process-instance/{instance}/suspended", """{"suspended": true}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await olga.PutAsync($"process-instance/{instance}/suspended", """{"suspended": false}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await olga.PostAsync($"process-instance/{instance}/variables", """{"modifications": {"amount": {"value": 9, "type": "Long"}}}""")).StatusCode);
        Assert.Equal(9, (await olga.GetJsonAsync($"process-instance/{instance}/variables"))["amount"]!["value"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.ActingFor("olga").Http.DeleteAsync($"process-instance/{instance}")).StatusCode);

        Assert.Equal("EXTERNALLY_TERMINATED", await olga.HistoryStateAsync(instance));
    }

    [Fact]
    public async Task Should_keep_every_operator_call_open_to_a_machine()
    {
        var instance = await StartWaitingInstanceAsync();
        var machine = fixture.Machine();

        Assert.Equal(HttpStatusCode.NoContent, (await machine.PutAsync($"process-instance/{instance}/suspended", """{"suspended": true}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await machine.Http.DeleteAsync($"process-instance/{instance}")).StatusCode);

        Assert.Equal("EXTERNALLY_TERMINATED", await machine.HistoryStateAsync(instance));
    }

    [Fact]
    public async Task Should_let_only_operators_retry_an_incident()
    {
        var machine = fixture.Machine();
        var (key, _) = await machine.DeployUniqueAsync("exclusive-no-default.bpmn", "exclusiveNoDefault");
        var instance = await machine.StartAsync(key, """{"region": {"value": "US"}}""");
        var incident = Assert.Single((await machine.GetJsonAsync($"incident?processInstanceId={instance}")).AsArray())!["id"]!.GetValue<string>();

        var byCarol = await fixture.As("carol", "carol-secret").PostAsync($"incident/{incident}/retry", "");
        Assert.Equal(HttpStatusCode.Forbidden, byCarol.StatusCode);
        Assert.Equal("User 'carol' may not retry incidents: that needs the group 'operators'", await MessageOf(byCarol));
        Assert.Single((await machine.GetJsonAsync($"incident?processInstanceId={instance}")).AsArray());

        var olga = fixture.As("olga", "olga-secret");
        Assert.Equal(HttpStatusCode.NoContent, (await olga.PostAsync($"process-instance/{instance}/variables", """{"modifications": {"score": {"value": 5, "type": "Integer"}}}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await olga.PostAsync($"incident/{incident}/retry", "")).StatusCode);
        Assert.Equal("COMPLETED", await machine.HistoryStateAsync(instance));
    }

    [Fact]
    public async Task Should_let_only_analysts_and_machines_deploy()
    {
        var xml = EngineClient.FixtureXml("echo.bpmn");

        var byOlga = await fixture.As("olga", "olga-secret").DeployAsync("by-olga.bpmn", xml);
        var byAnn = await fixture.As("ann", "ann-secret").DeployAsync("by-ann.bpmn", xml);
        var byMachine = await fixture.Machine().DeployAsync("by-machine.bpmn", xml);

        Assert.Equal(HttpStatusCode.Forbidden, byOlga.StatusCode);
        Assert.Equal("User 'olga' may not deploy: that needs the group 'analysts'", await MessageOf(byOlga));
        Assert.Equal(HttpStatusCode.OK, byAnn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byMachine.StatusCode);
    }

    [Fact]
    public async Task Should_let_anyone_signed_in_start_an_instance()
    {
        var machine = fixture.Machine();
        var (key, _) = await machine.DeployUniqueAsync("user-task.bpmn", "userTasks");

        var started = await fixture.As("carol", "carol-secret").PostAsync($"process-definition/key/{key}/start",
            $$"""{"variables": {{ReviewFixture.Variables}}}""");

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
    }
}
