using System.Net;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Apis;

/// <summary>
/// A process that names candidate starters (<c>camunda:candidateStarterGroups</c>, <c>camunda:candidateStarterUsers</c>)
/// is started by hand only by them; machines start any process, and a process naming none, anyone.
/// </summary>
public sealed class StarterPermissionTests(EngineWithUsers fixture) : IClassFixture<EngineWithUsers>
{
    [Fact]
    public async Task Should_let_only_the_candidate_starters_and_machines_start_the_process()
    {
        var machine = fixture.Machine();
        var (key, _) = await machine.DeployUniqueAsync("user-task.bpmn", "userTasks", xml => xml.Replace(
            "<bpmn:process ", """<bpmn:process camunda:candidateStarterGroups="finance" camunda:candidateStarterUsers="ann" """));

        await fixture.As("carol", "carol-secret").StartAsync(key, ReviewFixture.Variables);
        await fixture.As("ann", "ann-secret").StartAsync(key, ReviewFixture.Variables);
        await fixture.ActingFor("carol").StartAsync(key, ReviewFixture.Variables);
        await machine.StartAsync(key, ReviewFixture.Variables);
        var refused = await fixture.As("mallory", "mallory-secret").PostAsync($"process-definition/key/{key}/start", $$"""{"variables": {{ReviewFixture.Variables}}}""");
        var refusedActingFor = await fixture.ActingFor("olga").PostAsync($"process-definition/key/{key}/start", $$"""{"variables": {{ReviewFixture.Variables}}}""");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal($"User 'mallory' may not start process '{key}': its candidate starters are the groups finance and the users ann",
            (await EngineClient.Json(refused))["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, refusedActingFor.StatusCode);
        Assert.Equal("4", (await machine.GetJsonAsync($"process-instance/count?processDefinitionKey={key}"))["count"]!.ToJsonString());
    }

    [Fact]
    public async Task Should_list_the_definitions_a_user_may_start()
    {
        var machine = fixture.Machine();
        var (restricted, _) = await machine.DeployUniqueAsync("user-task.bpmn", "userTasks", xml => xml.Replace(
            "<bpmn:process ", """<bpmn:process camunda:candidateStarterGroups="finance" camunda:candidateStarterUsers="ann" """));
        var (open, _) = await machine.DeployUniqueAsync("user-task.bpmn", "userTasks");
        async Task<string[]> StartableAsync(EngineClient client, string user) =>
            [.. (await client.GetJsonAsync($"process-definition?startableBy={user}&latestVersion=true")).AsArray()
                .Select(d => d!["key"]!.GetValue<string>()).Where(k => k == restricted || k == open).Order(StringComparer.Ordinal)];

        Assert.Equal(new[] { restricted, open }.Order(StringComparer.Ordinal), await StartableAsync(machine, "carol"));
        Assert.Equal([open], await StartableAsync(machine, "mallory"));
        Assert.Equal(new[] { restricted, open }.Order(StringComparer.Ordinal), await StartableAsync(fixture.As("ann", "ann-secret"), "ann"));
        Assert.Equal("0", (await machine.GetJsonAsync($"process-definition/count?startableBy=mallory&key={restricted}"))["count"]!.ToJsonString());
        Assert.Equal("1", (await machine.GetJsonAsync($"process-definition/count?startableBy=carol&key={restricted}"))["count"]!.ToJsonString());
    }

    [Fact]
    public async Task Should_let_anyone_start_a_process_that_names_no_candidate_starters()
    {
        var (key, _) = await fixture.Machine().DeployUniqueAsync("user-task.bpmn", "userTasks");

        await fixture.As("mallory", "mallory-secret").StartAsync(key, ReviewFixture.Variables);

        Assert.Equal("1", (await fixture.Machine().GetJsonAsync($"process-instance/count?processDefinitionKey={key}"))["count"]!.ToJsonString());
    }
}
