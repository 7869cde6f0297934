using System.Net;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Live;

/// <summary>
/// Two engine nodes share one PostgreSQL database, as replicas behind a load balancer do: a tasklist connected to
/// either hears of every task change it may see, whichever node committed it, and hears it once.
/// </summary>
public sealed class ClusteredTaskHubTests
{
    [Fact]
    public async Task Should_tell_a_tasklist_on_one_node_of_the_changes_another_node_committed()
    {
        await using var database = await TestDatabase.PostgreSqlAsync();
        await using var first = await EngineProcess.StartAsync(database, EngineWithUsers.Users());
        await using var second = await EngineProcess.StartAsync(database, EngineWithUsers.Users());
        var machine = new EngineClient(first.Client());
        var (review, _) = await machine.DeployUniqueAsync("user-task.bpmn", "userTasks");
        var (sales, _) = await machine.DeployUniqueAsync("user-task.bpmn", "userTasks",
            xml => xml.Replace("camunda:candidateGroups=\"managers, finance\" camunda:candidateUsers=\"carol\"", "camunda:candidateGroups=\"sales\""));
        await using var carolOnSecond = await TaskFeed.AsUserAsync(second.BaseAddress, "carol", "carol-secret");
        await using var malloryOnSecond = await TaskFeed.AsUserAsync(second.BaseAddress, "mallory", "mallory-secret");
        await using var machineOnFirst = await TaskFeed.AsMachineAsync(first.BaseAddress);

        // Started, claimed and completed through the first node; carol's tasklist is on the second.
        var instance = await machine.StartAsync(review, ReviewFixture.Variables);
        var created = await carolOnSecond.NextAsync(review, sales);
        Assert.Equal(("created", instance, "Review"), (created.Kind, created.ProcessInstanceId, created.Name));
        var asCarol = EngineClient.AsUser(first, "carol", "carol-secret");
        Assert.Equal(HttpStatusCode.NoContent, (await asCarol.PostAsync($"task/{created.TaskId}/claim", """{"userId": "carol"}""")).StatusCode);
        Assert.Equal(("assigned", created.TaskId, "carol"), Of(await carolOnSecond.NextAsync(review, sales)));
        Assert.Equal(HttpStatusCode.NoContent, (await asCarol.PostAsync($"task/{created.TaskId}/complete", "{}")).StatusCode);
        Assert.Equal(("completed", created.TaskId, "carol"), Of(await carolOnSecond.NextAsync(review, sales)));

        // Mallory on the same node hears only of her group's task.
        var forSales = await machine.StartAsync(sales, ReviewFixture.Variables);
        Assert.Equal(forSales, (await malloryOnSecond.NextAsync(review, sales)).ProcessInstanceId);

        // On the node that committed them, each change is told once: not again when it comes back from the database.
        Assert.Equal(("created", created.TaskId), Kind(await machineOnFirst.NextAsync(review)));
        Assert.Equal(("assigned", created.TaskId), Kind(await machineOnFirst.NextAsync(review)));
        Assert.Equal(("completed", created.TaskId), Kind(await machineOnFirst.NextAsync(review)));
        var next = await machineOnFirst.NextAsync(review);
        Assert.Equal("created", next.Kind);
        Assert.NotEqual(created.TaskId, next.TaskId);
    }

    [Fact]
    public async Task Should_carry_a_burst_of_changes_from_one_node_to_the_other_every_one_once()
    {
        await using var database = await TestDatabase.PostgreSqlAsync();
        await using var first = await EngineProcess.StartAsync(database, EngineWithUsers.Users());
        await using var second = await EngineProcess.StartAsync(database, EngineWithUsers.Users());
        var machine = new EngineClient(first.Client());
        var (review, _) = await machine.DeployUniqueAsync("user-task.bpmn", "userTasks");
        await using var machineOnSecond = await TaskFeed.AsMachineAsync(second.BaseAddress);

        // Committed within moments of each other, these go out packed together.
        var started = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => machine.StartAsync(review, ReviewFixture.Variables)));

        var heard = new List<string>();
        for (var i = 0; i < started.Length; i++)
        {
            var change = await machineOnSecond.NextAsync(review);
            Assert.Equal("created", change.Kind);
            heard.Add(change.ProcessInstanceId);
        }
        Assert.Equal(started.Order(), heard.Order());
    }

    [Fact]
    public async Task Should_hear_a_change_sent_alone_as_nodes_of_the_previous_version_send_them()
    {
        await using var database = await TestDatabase.PostgreSqlAsync();
        await using var node = await EngineProcess.StartAsync(database, new Dictionary<string, string>
        {
            ["Logging__LogLevel__Bpm.Engine.Host.Live.TaskChangeRelay"] = "Information",
        });
        await using var machine = await TaskFeed.AsMachineAsync(node.BaseAddress);
        var listening = DateTime.UtcNow.AddSeconds(30);
        while (!node.Output.Contains("Listening for the other nodes' task changes"))
        {
            Assert.True(DateTime.UtcNow < listening, "The node did not start listening:\n" + node.Output);
            await Task.Delay(100);
        }

        var key = "legacy-" + Guid.NewGuid().ToString("N")[..8];
        await using (var connection = new Npgsql.NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var notify = new Npgsql.NpgsqlCommand("SELECT pg_notify('bpm_task_changes', @payload)", connection);
            notify.Parameters.AddWithValue("payload", "a-node-of-the-previous-version:" + $$"""
                {"Kind": "created", "TaskId": "task-1", "ProcessInstanceId": "instance-1", "ProcessDefinitionKey": "{{key}}",
                 "TaskName": "Review", "Assignee": null, "CandidateUsers": [], "CandidateGroups": ["managers"]}
                """);
            await notify.ExecuteNonQueryAsync();
        }

        var heard = await machine.NextAsync(key);
        Assert.Equal(("created", "task-1", "instance-1", "Review"), (heard.Kind, heard.TaskId, heard.ProcessInstanceId, heard.Name));
    }

    private static (string Kind, string TaskId, string? Assignee) Of(Bpm.Contracts.Live.TaskChangedDto change) => (change.Kind, change.TaskId, change.Assignee);

    private static (string Kind, string TaskId) Kind(Bpm.Contracts.Live.TaskChangedDto change) => (change.Kind, change.TaskId);
}
