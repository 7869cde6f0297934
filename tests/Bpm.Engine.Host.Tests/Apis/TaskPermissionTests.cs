using System.Net;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Apis;

public sealed class TaskPermissionTests(EngineWithUsers fixture) : IClassFixture<EngineWithUsers>
{
    private async Task<(string Instance, string TaskId)> StartReviewAsync()
    {
        var machine = new EngineClient(fixture.Engine.Client());
        var (key, _) = await machine.DeployUniqueAsync("user-task.bpmn", "userTasks");
        var instance = await machine.StartAsync(key, ReviewFixture.Variables);
        var task = Assert.Single((await machine.GetJsonAsync($"task?processInstanceId={instance}")).AsArray())!;
        return (instance, task["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_show_a_task_only_to_its_candidates_and_to_machines()
    {
        var (instance, taskId) = await StartReviewAsync();
        var carol = fixture.As("carol", "carol-secret");
        var mallory = fixture.As("mallory", "mallory-secret");

        Assert.Single((await carol.GetJsonAsync($"task?processInstanceId={instance}")).AsArray());
        Assert.Empty((await mallory.GetJsonAsync($"task?processInstanceId={instance}")).AsArray());
        Assert.Empty((await fixture.ActingFor("mallory").GetJsonAsync($"task?processInstanceId={instance}")).AsArray());
        Assert.Equal("0", (await mallory.GetJsonAsync($"task/count?processInstanceId={instance}"))["count"]!.ToJsonString());
        Assert.Equal(HttpStatusCode.Forbidden, (await mallory.Http.GetAsync($"task/{taskId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mallory.Http.GetAsync($"task/{taskId}/form-variables")).StatusCode);
        Assert.Equal("Review", (await carol.GetJsonAsync($"task/{taskId}"))["name"]!.GetValue<string>());
        Assert.Single((await new EngineClient(fixture.Engine.Client()).GetJsonAsync($"task?processInstanceId={instance}")).AsArray());
    }

    [Fact]
    public async Task Should_show_in_a_groups_tasklist_only_the_tasks_a_person_is_a_candidate_of()
    {
        var (_, taskId) = await StartReviewAsync();

        async Task<List<string>> TasklistAsync(EngineClient client, string group) =>
            [.. (await client.GetJsonAsync($"task?candidateGroup={group}&maxResults=1000")).AsArray().Select(t => t!["id"]!.GetValue<string>())];

        Assert.Contains(taskId, await TasklistAsync(fixture.As("carol", "carol-secret"), "finance"));
        Assert.Contains(taskId, await TasklistAsync(fixture.As("carol", "carol-secret"), "managers"));
        Assert.DoesNotContain(taskId, await TasklistAsync(fixture.As("mallory", "mallory-secret"), "managers"));
        Assert.DoesNotContain(taskId, await TasklistAsync(fixture.As("ann", "ann-secret"), "finance"));
        Assert.Contains(taskId, await TasklistAsync(fixture.Machine(), "managers"));
    }

    [Fact]
    public async Task Should_let_neither_claim_nor_complete_a_user_of_another_group()
    {
        var (_, taskId) = await StartReviewAsync();
        var mallory = fixture.As("mallory", "mallory-secret");

        var claim = await mallory.PostAsync($"task/{taskId}/claim", """{"userId": "mallory"}""");
        var complete = await mallory.PostAsync($"task/{taskId}/complete", "{}");
        var actingComplete = await fixture.ActingFor("mallory").PostAsync($"task/{taskId}/complete", "{}");

        Assert.Equal(HttpStatusCode.Forbidden, claim.StatusCode);
        Assert.Contains("neither the assignee nor a candidate", (await EngineClient.Json(claim))["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, complete.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, actingComplete.StatusCode);
        Assert.Null((await new EngineClient(fixture.Engine.Client()).GetJsonAsync($"task/{taskId}"))["assignee"]);
    }

    [Fact]
    public async Task Should_let_a_candidate_claim_for_themselves_only_and_complete()
    {
        var (instance, taskId) = await StartReviewAsync();
        var carol = fixture.ActingFor("carol");

        Assert.Equal(HttpStatusCode.Forbidden, (await carol.PostAsync($"task/{taskId}/claim", """{"userId": "dave"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await carol.PostAsync($"task/{taskId}/claim", """{"userId": "carol"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await carol.PostAsync($"task/{taskId}/complete", "{}")).StatusCode);

        var next = Assert.Single((await new EngineClient(fixture.Engine.Client()).GetJsonAsync($"task?processInstanceId={instance}")).AsArray())!;
        Assert.Equal("Approve", next["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_let_a_candidate_set_the_dates_but_not_hand_the_task_to_someone_else()
    {
        var (_, taskId) = await StartReviewAsync();
        var carol = fixture.As("carol", "carol-secret");

        var dates = await carol.PutAsync($"task/{taskId}", """{"name": "Review", "due": "2027-01-15T10:00:00.000+0000", "followUp": "2027-01-10T10:00:00.000+0000"}""");
        var handOver = await carol.PutAsync($"task/{taskId}", """{"name": "Review", "assignee": "dave"}""");
        var byMallory = await fixture.As("mallory", "mallory-secret").PutAsync($"task/{taskId}", """{"name": "Mine now"}""");

        Assert.Equal(HttpStatusCode.NoContent, dates.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, handOver.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byMallory.StatusCode);
        var task = await fixture.Machine().GetJsonAsync($"task/{taskId}");
        Assert.Equal("Review", task["name"]!.GetValue<string>());
        Assert.Null(task["assignee"]);
        Assert.Equal("2027-01-15T10:00:00.000+0000", task["due"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_refuse_a_wrong_password_and_an_unknown_user_to_act_for()
    {
        var wrong = await fixture.As("carol", "guess").Http.GetAsync("task");
        var unknown = await fixture.ActingFor("nobody").Http.GetAsync("task");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("'nobody'", (await EngineClient.Json(unknown))["message"]!.GetValue<string>());
    }
}
