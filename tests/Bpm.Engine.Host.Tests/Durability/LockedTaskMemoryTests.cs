using Bpm.Engine.Errors;
using Bpm.Engine.Host.Tests.Infrastructure;
using Bpm.Engine.Host.Tests.Operations;
using Bpm.Engine.Runtime;
using Bpm.Engine.Storage;
using Bpm.Engine.Storage.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace Bpm.Engine.Host.Tests.Durability;

/// <summary>
/// On PostgreSQL the rows a fetch locked are kept for the workers' answers, and a group of completions takes them
/// instead of reading them again. Whatever happened to a task or its instance since the fetch, the answer is the one
/// the stored rows give: the writes check what was kept, and a group that finds it changed runs again on what is stored.
/// </summary>
public sealed class LockedTaskMemoryTests
{
    private const string Topic = "single-task-topic";

    [Fact]
    public async Task Should_write_the_answers_to_the_tasks_a_fetch_locked_against_the_rows_it_read()
    {
        await using var database = await TestDatabase.PostgreSqlAsync();
        await using var engine = await EngineProcess.StartAsync(database);
        var client = new EngineClient(engine.Client());
        var topic = "kept-" + Guid.NewGuid().ToString("N")[..8];
        var (key, _) = await client.DeployUniqueAsync("service-task.bpmn", "single-task", xml => xml.Replace(Topic, topic));
        var instances = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.StartAsync(key)));

        var locked = await client.FetchAndLockAsync("w1", topic, maxTasks: 3);
        var answers = await Task.WhenAll(locked.Select(t => client.CompleteExternalTaskAsync(t!["id"]!.GetValue<string>(), "w1")));

        Assert.All(answers, a => Assert.Equal(System.Net.HttpStatusCode.NoContent, a.StatusCode));
        Assert.All(await Task.WhenAll(instances.Select(client.HistoryStateAsync)), s => Assert.Equal("COMPLETED", s));
        using var scraper = new HttpClient { BaseAddress = engine.BaseAddress };
        var metrics = await scraper.GetStringAsync("/metrics");
        Assert.Equal(3, PrometheusText.Value(metrics, "bpm_external_tasks_answered_from_fetch_total"));
    }

    [Fact]
    public async Task Should_keep_the_tasks_a_fetch_locked_until_they_are_answered()
    {
        await using var database = await TestDatabase.PostgreSqlAsync();
        await using var services = await InProcessEngine.StartAsync(database, "service-task.bpmn");
        var memory = services.GetRequiredService<LockedTaskMemory>();
        await StartAsync(services, 3);

        var locked = await FetchAsync(services, "w1", 3);
        var kept = memory.Count;
        await Task.WhenAll(locked.Select(t => Tasks(services).CompleteAsync(t.Task.Id, new TaskLockHolder("w1", t.Task.LockToken), null, null, CancellationToken.None)));

        Assert.Equal((3, 0), (kept, memory.Count));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM bpm_external_task"));
    }

    [Theory]
    [InlineData("UPDATE bpm_external_task SET worker_id = NULL, lock_token = NULL, lock_expiration = NULL WHERE id = '{0}'", "is for an earlier delivery")]
    [InlineData("UPDATE bpm_external_task SET worker_id = 'w2', lock_token = 'another' WHERE id = '{0}'", "is for an earlier delivery")]
    [InlineData("UPDATE bpm_external_task SET lock_expiration = now() - interval '1 second' WHERE id = '{0}'", "its lock expired")]
    public async Task Should_refuse_an_answer_whose_lock_changed_elsewhere_after_the_fetch_and_write_nothing(string change, string refusal)
    {
        await using var database = await TestDatabase.PostgreSqlAsync();
        await using var services = await InProcessEngine.StartAsync(database, "service-task.bpmn");
        var instance = Assert.Single(await StartAsync(services, 1));
        var task = Assert.Single(await FetchAsync(services, "w1", 1)).Task;

        await database.ExecuteAsync(string.Format(change, task.Id));
        var refused = await Assert.ThrowsAnyAsync<EngineException>(() =>
            Tasks(services).CompleteAsync(task.Id, new TaskLockHolder("w1", task.LockToken), null, null, CancellationToken.None));

        Assert.Contains(refusal, refused.Message);
        Assert.Equal(1L, await database.ScalarAsync<long>($"SELECT count(*) FROM bpm_external_task WHERE id = '{task.Id}'"));
        Assert.Equal("ACTIVE", await database.ScalarAsync<string>($"SELECT state FROM bpm_process_instance WHERE id = '{instance}'"));
    }

    [Fact]
    public async Task Should_complete_a_task_whose_instance_changed_elsewhere_after_the_fetch_from_the_stored_instance()
    {
        await using var database = await TestDatabase.PostgreSqlAsync();
        await using var services = await InProcessEngine.StartAsync(database, "service-task.bpmn");
        var instance = Assert.Single(await StartAsync(services, 1));
        var task = Assert.Single(await FetchAsync(services, "w1", 1)).Task;

        await database.ExecuteAsync($"UPDATE bpm_process_instance SET revision = revision + 5 WHERE id = '{instance}'");
        await Tasks(services).CompleteAsync(task.Id, new TaskLockHolder("w1", task.LockToken), null, null, CancellationToken.None);

        Assert.Equal(("COMPLETED", 0L), (
            await database.ScalarAsync<string>($"SELECT state FROM bpm_process_instance WHERE id = '{instance}'"),
            await database.ScalarAsync<long>("SELECT count(*) FROM bpm_external_task")));
        Assert.Equal(7, await database.ScalarAsync<int>($"SELECT revision FROM bpm_process_instance WHERE id = '{instance}'"));
    }

    [Fact]
    public async Task Should_resolve_the_incident_of_a_task_whose_retries_ran_out_elsewhere_after_the_fetch_when_it_completes()
    {
        await using var database = await TestDatabase.PostgreSqlAsync();
        await using var services = await InProcessEngine.StartAsync(database, "service-task.bpmn");
        var instance = Assert.Single(await StartAsync(services, 1));
        var task = Assert.Single(await FetchAsync(services, "w1", 1)).Task;

        // Another engine set the task's retries to 0 while the worker held it: that raises its incident.
        await database.ExecuteAsync($"""
            UPDATE bpm_external_task SET retries = 0 WHERE id = '{task.Id}';
            INSERT INTO bpm_incident (id, incident_type, message, process_instance_id, definition_id, activity_id, configuration, timestamp)
            SELECT 'incident-1', 'failedExternalTask', 'no retries left', process_instance_id, definition_id, activity_id, id, now()
            FROM bpm_external_task WHERE id = '{task.Id}'
            """);
        await Tasks(services).CompleteAsync(task.Id, new TaskLockHolder("w1", task.LockToken), null, null, CancellationToken.None);

        Assert.Equal(("COMPLETED", 0L, 0L), (
            await database.ScalarAsync<string>($"SELECT state FROM bpm_process_instance WHERE id = '{instance}'"),
            await database.ScalarAsync<long>("SELECT count(*) FROM bpm_external_task"),
            await database.ScalarAsync<long>("SELECT count(*) FROM bpm_incident")));
    }

    [Fact]
    public async Task Should_complete_both_tasks_of_an_instance_one_fetch_locked_and_join_them_once()
    {
        await using var database = await TestDatabase.PostgreSqlAsync();
        await using var services = await InProcessEngine.StartAsync(database, "parallel-gateway.bpmn");
        var instance = (await services.GetRequiredService<ProcessInstanceService>().StartByKeyAsync("parallel", null, null, null, CancellationToken.None)).Id;
        var tasks = Tasks(services);

        var locked = await tasks.FetchAndLockAsync("w1", 2, usePriority: false, [new FetchTopic("credit", 60_000), new FetchTopic("stock", 60_000)], CancellationToken.None);
        foreach (var task in locked) await tasks.CompleteAsync(task.Task.Id, new TaskLockHolder("w1", task.Task.LockToken), null, null, CancellationToken.None);

        Assert.Equal(2, locked.Count);
        Assert.Equal(["ship"], await ActivitiesOfTasksAsync(database, instance));
        Assert.Equal("ACTIVE", await database.ScalarAsync<string>($"SELECT state FROM bpm_process_instance WHERE id = '{instance}'"));
    }

    [Fact]
    public async Task Should_keep_no_more_than_its_capacity_of_tasks()
    {
        var memory = new LockedTaskMemory();
        var rows = Enumerable.Range(0, LockedTaskMemory.Capacity + 10).Select(i => (TaskRow(i.ToString()), InstanceRow($"instance-{i}"))).ToList();

        memory.Remember(rows.Select(r => (r.Item1, (ProcessInstanceRow?)r.Item2, (ProcessInstance?)null)));

        Assert.Equal(LockedTaskMemory.Capacity, memory.Count);
        Assert.Null(memory.Take("0"));
        Assert.NotNull(memory.Take((LockedTaskMemory.Capacity + 9).ToString()));
    }

    private static ExternalTaskRow TaskRow(string id) => new()
    {
        Id = id, ProcessInstanceId = $"instance-{id}", DefinitionId = "d", DefinitionKey = "k", ActivityId = "a", Topic = Topic,
    };

    private static ProcessInstanceRow InstanceRow(string id) => new()
    {
        Id = id, DefinitionId = "d", DefinitionKey = "k", State = "ACTIVE", Document = "{}",
    };

    private static ExternalTaskService Tasks(IServiceProvider services) => services.GetRequiredService<ExternalTaskService>();

    private static async Task<List<string>> StartAsync(IServiceProvider services, int count)
    {
        var starter = services.GetRequiredService<ProcessInstanceService>();
        var ids = new List<string>();
        for (var i = 0; i < count; i++) ids.Add((await starter.StartByKeyAsync("single-task", null, null, null, CancellationToken.None)).Id);
        return ids;
    }

    private static Task<IReadOnlyList<LockedTask>> FetchAsync(IServiceProvider services, string workerId, int maxTasks) =>
        Tasks(services).FetchAndLockAsync(workerId, maxTasks, usePriority: false, [new FetchTopic(Topic, 60_000)], CancellationToken.None);

    private static async Task<List<string>> ActivitiesOfTasksAsync(TestDatabase database, string instanceId)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT activity_id FROM bpm_external_task WHERE process_instance_id = '{instanceId}' ORDER BY activity_id";
        await using var reader = await command.ExecuteReaderAsync();
        var activities = new List<string>();
        while (await reader.ReadAsync()) activities.Add(reader.GetString(0));
        return activities;
    }
}
