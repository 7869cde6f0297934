using System.Net;
using Bpm.Contracts.Live;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Live;

/// <summary>
/// The task hub tells each connection of the tasks it may see, after they are committed: carol is a candidate of the
/// review (as user and by her group finance), mallory of sales sees only her group's tasks, a machine sees all.
/// </summary>
public sealed class TaskHubTests(EngineWithUsers fixture) : IClassFixture<EngineWithUsers>
{
    private Uri Engine => fixture.Engine.BaseAddress;

    /// <summary>A review for carol and finance, or, with <paramref name="group"/>, one for that group alone.</summary>
    private async Task<string> DeployReviewAsync(string? group = null)
    {
        var (key, _) = await fixture.Machine().DeployUniqueAsync("user-task.bpmn", "userTasks", group is null ? null
            : xml => xml.Replace("camunda:candidateGroups=\"managers, finance\" camunda:candidateUsers=\"carol\"", $"camunda:candidateGroups=\"{group}\""));
        return key;
    }

    [Fact]
    public async Task Should_tell_a_new_task_to_its_candidates_and_to_machines_only()
    {
        var review = await DeployReviewAsync();
        var sales = await DeployReviewAsync("sales");
        await using var carol = await TaskFeed.AsUserAsync(Engine, "carol", "carol-secret");
        await using var designerForCarol = await TaskFeed.AsMachineAsync(Engine, actingFor: "carol");
        await using var mallory = await TaskFeed.AsUserAsync(Engine, "mallory", "mallory-secret");
        await using var machine = await TaskFeed.AsMachineAsync(Engine);

        var forCarol = await fixture.Machine().StartAsync(review, ReviewFixture.Variables);
        var forSales = await fixture.Machine().StartAsync(sales, ReviewFixture.Variables);

        var told = await carol.NextAsync(review, sales);
        Assert.Equal(("created", forCarol, "Review"), (told.Kind, told.ProcessInstanceId, told.Name));
        Assert.Equal(forCarol, (await designerForCarol.NextAsync(review, sales)).ProcessInstanceId);
        // Mallory's first news is her group's task: she never heard of carol's.
        Assert.Equal(forSales, (await mallory.NextAsync(review, sales)).ProcessInstanceId);
        Assert.Equal(forCarol, (await machine.NextAsync(review, sales)).ProcessInstanceId);
        Assert.Equal(forSales, (await machine.NextAsync(review, sales)).ProcessInstanceId);
        // Carol's next news is her own claim: she never heard of the sales task.
        var taskId = told.TaskId;
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.As("carol", "carol-secret").PostAsync($"task/{taskId}/claim", """{"userId": "carol"}""")).StatusCode);
        Assert.Equal(("assigned", taskId, "carol"), Of(await carol.NextAsync(review, sales)));
    }

    [Fact]
    public async Task Should_tell_claims_changed_dates_and_completion()
    {
        var review = await DeployReviewAsync();
        await using var carol = await TaskFeed.AsUserAsync(Engine, "carol", "carol-secret");
        await using var machine = await TaskFeed.AsMachineAsync(Engine);
        var instance = await fixture.Machine().StartAsync(review, ReviewFixture.Variables);
        var taskId = (await carol.NextAsync(review)).TaskId;
        var asCarol = fixture.As("carol", "carol-secret");

        await asCarol.PostAsync($"task/{taskId}/claim", """{"userId": "carol"}""");
        Assert.Equal(("assigned", taskId, "carol"), Of(await carol.NextAsync(review)));
        await asCarol.PutAsync($"task/{taskId}", """{"name": "Review", "assignee": "carol", "due": "2027-05-01T09:00:00.000+0000"}""");
        Assert.Equal(("updated", taskId, "carol"), Of(await carol.NextAsync(review)));
        await asCarol.PostAsync($"task/{taskId}/unclaim", "");
        Assert.Equal(("assigned", taskId, null), Of(await carol.NextAsync(review)));
        await asCarol.PostAsync($"task/{taskId}/complete", "{}");
        Assert.Equal(("completed", taskId, null), Of(await carol.NextAsync(review)));

        // The next task is the board's: machines hear of it, and of its cancellation with the instance.
        var approval = await machine.NextAsync(review);
        while (approval.TaskId == taskId) approval = await machine.NextAsync(review);
        Assert.Equal(("created", "Approve"), (approval.Kind, approval.Name));
        await fixture.Machine().Http.DeleteAsync($"process-instance/{instance}");
        var cancelled = await machine.NextAsync(review);
        Assert.Equal(("cancelled", approval.TaskId), (cancelled.Kind, cancelled.TaskId));
    }

    [Fact]
    public async Task Should_refuse_a_connection_without_a_key_or_with_a_wrong_password()
    {
        var anonymous = await Assert.ThrowsAsync<HttpRequestException>(() => TaskFeed.ConnectAsync(Engine, _ => { }));
        var wrongPassword = await Assert.ThrowsAsync<HttpRequestException>(() => TaskFeed.AsUserAsync(Engine, "carol", "guess"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
    }

    private static (string Kind, string TaskId, string? Assignee) Of(TaskChangedDto change) => (change.Kind, change.TaskId, change.Assignee);
}
