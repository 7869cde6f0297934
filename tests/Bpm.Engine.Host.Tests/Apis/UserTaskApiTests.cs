using System.Net;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Apis;

public abstract class UserTaskApiTests(EngineFixture fixture)
{
    private EngineClient Client => fixture.Client;

    private async Task<(string Key, string Instance, string TaskId)> StartReviewAsync()
    {
        var (key, _) = await Client.DeployUniqueAsync("user-task.bpmn", "userTasks");
        var instance = await Client.StartAsync(key, """{"initiator": {"value": null, "type": "Null"}, "approverGroups": {"value": "[\"board\"]", "type": "Json"}, "amount": {"value": 1200, "type": "Long"}}""");
        var task = Assert.Single((await Client.GetJsonAsync($"task?processInstanceId={instance}")).AsArray())!;
        return (key, instance, task["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_list_a_task_for_its_candidate_groups_and_users()
    {
        var (_, instance, taskId) = await StartReviewAsync();

        var byGroup = await Client.GetJsonAsync($"task?candidateGroup=finance&processInstanceId={instance}");
        var byUser = await Client.GetJsonAsync($"task?candidateUser=carol&processInstanceId={instance}");
        var otherGroup = await Client.GetJsonAsync($"task?candidateGroup=sales&processInstanceId={instance}");
        var task = await Client.GetJsonAsync($"task/{taskId}");

        Assert.Equal(taskId, Assert.Single(byGroup.AsArray())!["id"]!.GetValue<string>());
        Assert.Single(byUser.AsArray());
        Assert.Empty(otherGroup.AsArray());
        Assert.Equal("Review", task["name"]!.GetValue<string>());
        Assert.Equal("review", task["taskDefinitionKey"]!.GetValue<string>());
        Assert.Equal("embedded:app:forms/review.html", task["formKey"]!.GetValue<string>());
        Assert.Equal(70, task["priority"]!.GetValue<int>());
        Assert.StartsWith("2026-12-01T09:00:00.000", task["due"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_list_a_groups_unassigned_tasks_oldest_first_a_page_at_a_time_or_newest_first()
    {
        var group = "desk-" + Guid.NewGuid().ToString("N")[..8];
        var (key, _) = await Client.DeployUniqueAsync("user-task.bpmn", "userTasks",
            xml => xml.Replace("camunda:candidateGroups=\"managers, finance\" camunda:candidateUsers=\"carol\"", $"camunda:candidateGroups=\"{group}\""));
        var tasks = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var instance = await Client.StartAsync(key, """{"initiator": {"value": null, "type": "Null"}, "amount": {"value": 1200, "type": "Long"}}""");
            tasks.Add(Assert.Single((await Client.GetJsonAsync($"task?processInstanceId={instance}")).AsArray())!["id"]!.GetValue<string>());
            await Task.Delay(5);
        }
        Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsync($"task/{tasks[1]}/claim", """{"userId": "dave"}""")).StatusCode);

        async Task<List<string>> Ids(string query) =>
            [.. (await Client.GetJsonAsync($"task?candidateGroup={group}&{query}")).AsArray().Select(t => t!["id"]!.GetValue<string>())];

        Assert.Equal([tasks[0], tasks[2]], await Ids("maxResults=2"));
        Assert.Equal([tasks[3]], await Ids("firstResult=2&maxResults=2"));
        Assert.Equal([tasks[3], tasks[2], tasks[0]], await Ids("sortBy=created&sortOrder=desc"));
        Assert.Equal([tasks[3]], await Ids($"processInstanceId={(await Client.GetJsonAsync($"task/{tasks[3]}"))["processInstanceId"]!.GetValue<string>()}"));
    }

    [Fact]
    public async Task Should_set_and_clear_the_due_and_follow_up_dates_keeping_the_priority()
    {
        var (_, instance, taskId) = await StartReviewAsync();

        var set = await Client.PutAsync($"task/{taskId}", """{"name": "Review", "due": "2027-03-01T12:00:00.000+0100", "followUp": "2027-02-20T08:30:00.000+0000"}""");
        var task = await Client.GetJsonAsync($"task/{taskId}");
        var cleared = await Client.PutAsync($"task/{taskId}", """{"name": "Review soon", "priority": 20}""");
        var after = await Client.GetJsonAsync($"task/{taskId}");

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal("2027-03-01T11:00:00.000+0000", task["due"]!.GetValue<string>());
        Assert.Equal("2027-02-20T08:30:00.000+0000", task["followUp"]!.GetValue<string>());
        Assert.Equal(70, task["priority"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Null(after["due"]);
        Assert.Null(after["followUp"]);
        Assert.Equal("Review soon", after["name"]!.GetValue<string>());
        Assert.Equal(20, after["priority"]!.GetValue<int>());
        Assert.Single((await Client.GetJsonAsync($"task?processInstanceId={instance}&sortBy=dueDate")).AsArray());
    }

    [Fact]
    public async Task Should_refuse_a_due_date_that_is_no_date_and_change_nothing()
    {
        var (_, _, taskId) = await StartReviewAsync();

        var refused = await Client.PutAsync($"task/{taskId}", """{"name": "Renamed", "due": "next tuesday"}""");
        var unknown = await Client.PutAsync("task/no-such-task", """{"name": "Renamed"}""");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var message = (await EngineClient.Json(refused))["message"]!.GetValue<string>();
        Assert.Contains("'next tuesday'", message);
        Assert.Contains("$.due", message);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var task = await Client.GetJsonAsync($"task/{taskId}");
        Assert.Equal("Review", task["name"]!.GetValue<string>());
        Assert.StartsWith("2026-12-01T09:00:00.000", task["due"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_not_let_a_second_user_claim_a_claimed_task()
    {
        var (_, instance, taskId) = await StartReviewAsync();

        var first = await Client.PostAsync($"task/{taskId}/claim", """{"userId": "dave"}""");
        var second = await Client.PostAsync($"task/{taskId}/claim", """{"userId": "erin"}""");

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("dave", (await EngineClient.Json(second))["message"]!.GetValue<string>());
        Assert.Equal("dave", (await Client.GetJsonAsync($"task/{taskId}"))["assignee"]!.GetValue<string>());
        Assert.Single((await Client.GetJsonAsync($"task?assignee=dave&processInstanceId={instance}")).AsArray());
        Assert.Empty((await Client.GetJsonAsync($"task?candidateGroup=finance&processInstanceId={instance}")).AsArray());

        Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsync($"task/{taskId}/unclaim", "")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsync($"task/{taskId}/claim", """{"userId": "erin"}""")).StatusCode);
    }

    [Fact]
    public async Task Should_let_the_holder_claim_a_task_again_without_changing_it()
    {
        var (_, _, taskId) = await StartReviewAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsync($"task/{taskId}/claim", """{"userId": "dave"}""")).StatusCode);

        var again = await Client.PostAsync($"task/{taskId}/claim", """{"userId": "dave"}""");

        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal("dave", (await Client.GetJsonAsync($"task/{taskId}"))["assignee"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await Client.PostAsync($"task/{taskId}/claim", """{"userId": "erin"}""")).StatusCode);
    }

    [Fact]
    public async Task Should_let_exactly_one_of_many_concurrent_claims_win()
    {
        var (_, _, taskId) = await StartReviewAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Client.PostAsync($"task/{taskId}/claim", $$"""{"userId": "user-{{i}}"}""")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.NoContent);
        Assert.Equal(11, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var winner = (await Client.GetJsonAsync($"task/{taskId}"))["assignee"]!.GetValue<string>();
        Assert.StartsWith("user-", winner);
    }

    [Fact]
    public async Task Should_complete_a_task_once_when_it_is_completed_many_times_at_once()
    {
        var (_, instance, taskId) = await StartReviewAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Client.PostAsync($"task/{taskId}/complete", "{}")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.NoContent);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.NoContent), r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        var next = Assert.Single((await Client.GetJsonAsync($"task?processInstanceId={instance}")).AsArray())!;
        Assert.Equal("approve", next["taskDefinitionKey"]!.GetValue<string>());
        Assert.Equal(["start", "review", "approve"], await Client.PathAsync(instance));
        Assert.Equal(0, await fixture.Database.CountAsync("bpm_user_task", "id", taskId));
        Assert.Equal(0, await fixture.Database.CountAsync("bpm_user_task_candidate", "task_id", taskId));
    }

    [Fact]
    public async Task Should_complete_a_task_with_variables_and_move_to_the_next()
    {
        var (_, instance, taskId) = await StartReviewAsync();

        var formVariables = await Client.GetJsonAsync($"task/{taskId}/form-variables?variableNames=amount");
        var completed = await Client.PostAsync($"task/{taskId}/complete", """{"variables": {"comment": {"value": "looks fine", "type": "String"}}}""");

        Assert.Equal(1200, formVariables["amount"]!["value"]!.GetValue<long>());
        Assert.Null(formVariables["initiator"]);
        Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);
        var next = Assert.Single((await Client.GetJsonAsync($"task?processInstanceId={instance}")).AsArray())!;
        Assert.Equal("approve", next["taskDefinitionKey"]!.GetValue<string>());
        Assert.Equal("camunda-forms:approval-form", next["formKey"]!.GetValue<string>());
        Assert.Single((await Client.GetJsonAsync($"task?candidateGroup=board&processInstanceId={instance}")).AsArray());

        await Client.PostAsync($"task/{next["id"]!.GetValue<string>()}/complete", """{"variables": {"decision": {"value": "yes"}}}""");

        Assert.Equal("COMPLETED", await Client.HistoryStateAsync(instance));
        var variables = await Client.GetJsonAsync($"history/process-instance/{instance}");
        Assert.Equal("COMPLETED", variables["state"]!.GetValue<string>());
        Assert.Equal(["start", "review", "approve", "end"], await Client.PathAsync(instance));
    }

    [Fact]
    public async Task Should_remove_a_task_with_its_candidates_when_it_is_completed_or_its_instance_cancelled()
    {
        var (_, _, completed) = await StartReviewAsync();
        var (_, cancelledInstance, cancelled) = await StartReviewAsync();
        Assert.Equal(3, await fixture.Database.CountAsync("bpm_user_task_candidate", "task_id", completed));

        Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsync($"task/{completed}/complete", "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.Http.DeleteAsync($"process-instance/{cancelledInstance}")).StatusCode);

        foreach (var task in new[] { completed, cancelled })
        {
            Assert.Equal(0, await fixture.Database.CountAsync("bpm_user_task", "id", task));
            Assert.Equal(0, await fixture.Database.CountAsync("bpm_user_task_candidate", "task_id", task));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsync($"task/{completed}/complete", "{}")).StatusCode);
    }

    [Fact]
    public async Task Should_answer_404_for_an_unknown_task()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.Http.GetAsync("task/unknown")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsync("task/unknown/complete", "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsync("task/unknown/claim", """{"userId": "x"}""")).StatusCode);
    }
}

public sealed class UserTaskApiOnSqlite(SqliteEngine fixture) : UserTaskApiTests(fixture), IClassFixture<SqliteEngine>;

public sealed class UserTaskApiOnPostgreSql(PostgreSqlEngine fixture) : UserTaskApiTests(fixture), IClassFixture<PostgreSqlEngine>;
