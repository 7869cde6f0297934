using System.Net;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Apis;

/// <summary>
/// An operator who needs no activity history turns it off (<c>Bpm:History:Level</c> None): instances run as before,
/// and only what history alone knew is gone.
/// </summary>
public sealed class HistoryLevelTests(PostgreSqlEngineWithoutHistory fixture) : IClassFixture<PostgreSqlEngineWithoutHistory>
{
    private EngineClient Client => fixture.Client;

    [Fact]
    public async Task Should_run_an_instance_to_its_end_and_keep_its_row_without_any_activity_instance()
    {
        var (key, _) = await Client.DeployUniqueAsync("sub-process.bpmn", "subProcesses");
        var instance = await Client.StartAsync(key, """{"amount": {"value": 3, "type": "Integer"}}""");
        var task = await Client.ExternalTaskIdAsync(instance);
        await Client.LockExternalTaskAsync(task, "w");

        Assert.Equal(HttpStatusCode.NoContent, (await Client.CompleteExternalTaskAsync(task, "w")).StatusCode);

        Assert.Equal("COMPLETED", await Client.HistoryStateAsync(instance));
        Assert.Empty((await Client.GetJsonAsync($"history/activity-instance?processInstanceId={instance}")).AsArray());
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>("select count(*) from bpm_activity_instance"));
    }

    [Fact]
    public async Task Should_answer_a_second_completion_of_a_task_as_one_of_an_unknown_task()
    {
        var (key, _) = await Client.DeployUniqueAsync("service-task.bpmn", "single-task");
        var instance = await Client.StartAsync(key);
        var task = await Client.ExternalTaskIdAsync(instance);
        await Client.LockExternalTaskAsync(task, "w");
        Assert.Equal(HttpStatusCode.NoContent, (await Client.CompleteExternalTaskAsync(task, "w")).StatusCode);

        var second = await Client.CompleteExternalTaskAsync(task, "w");

        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Contains("history level None", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_refuse_to_start_at_a_level_it_does_not_know()
    {
        await using var database = TestDatabase.Sqlite();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            EngineProcess.StartAsync(database, new Dictionary<string, string> { ["Bpm__History__Level"] = "7" }));

        Assert.Contains("Bpm:History:Level must be Activity or None, was '7'", refused.Message);
    }
}
