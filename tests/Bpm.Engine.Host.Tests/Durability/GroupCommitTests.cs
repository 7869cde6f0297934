using System.Net;
using System.Text.Json.Nodes;
using Bpm.Engine.Host.Tests.Infrastructure;
using Bpm.Engine.Host.Tests.Operations;

namespace Bpm.Engine.Host.Tests.Durability;

/// <summary>
/// Starts and completions arriving together share transactions; each still gets the answer it would get on its own.
/// One writer (<c>Bpm__GroupCommit__Writers=1</c>) makes what arrives while it writes wait for its next transaction.
/// </summary>
public sealed class GroupCommitTests
{
    private static readonly Dictionary<string, string> OneWriter = new() { ["Bpm__GroupCommit__Writers"] = "1" };

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Should_write_starts_and_completions_arriving_together_in_shared_transactions(string provider)
    {
        await using var database = provider == "Sqlite" ? TestDatabase.Sqlite() : await TestDatabase.PostgreSqlAsync();
        await using var engine = await EngineProcess.StartAsync(database, OneWriter);
        var client = new EngineClient(engine.Client());
        var topic = "group-" + Guid.NewGuid().ToString("N")[..8];
        var (key, _) = await client.DeployUniqueAsync("service-task.bpmn", "single-task", xml => xml.Replace("single-task-topic", topic));

        var instances = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => client.StartAsync(key, businessKey: $"order-{i}")));
        var tasks = (await client.FetchAndLockAsync("w1", topic, maxTasks: 40)).Select(t => t!["id"]!.GetValue<string>()).ToList();
        var answers = await Task.WhenAll(tasks
            .Select((task, i) => (Task: task, Worker: i == 0 ? "intruder" : "w1"))
            .Append((Task: tasks[1], Worker: "w1"))
            .Select(async c => (c.Task, c.Worker, Response: await client.CompleteExternalTaskAsync(c.Task, c.Worker))));

        Assert.Equal(40, instances.Distinct().Count());
        Assert.Equal(40, tasks.Count);
        Assert.Equal(HttpStatusCode.BadRequest, Assert.Single(answers, a => a.Worker == "intruder").Response.StatusCode);
        var twice = answers.Where(a => a.Task == tasks[1]).Select(a => a.Response.StatusCode).Order().ToList();
        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], twice);
        var states = await Task.WhenAll(instances.Select(client.HistoryStateAsync));
        Assert.Equal(39, states.Count(s => s == "COMPLETED"));
        Assert.Equal(1, states.Count(s => s == "ACTIVE"));
        var businessKeys = await Task.WhenAll(instances.Select(async i => (await client.GetJsonAsync($"history/process-instance/{i}"))["businessKey"]!.GetValue<string>()));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"order-{i}").Order(), businessKeys.Order());

        using var scraper = new HttpClient { BaseAddress = engine.BaseAddress };
        var metrics = await scraper.GetStringAsync("/metrics");
        var commands = PrometheusText.Value(metrics, "bpm_commands_grouped_sum");
        var transactions = PrometheusText.Value(metrics, "bpm_commands_grouped_count");
        Assert.True(commands == 40 + 39, $"40 starts and 39 completions written through group commit, was {commands}:\n{metrics}");
        Assert.True(transactions < commands, $"{commands} commands in {transactions} transactions");
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Should_start_the_latest_version_of_each_key_when_starts_of_several_keys_arrive_together(string provider)
    {
        await using var database = provider == "Sqlite" ? TestDatabase.Sqlite() : await TestDatabase.PostgreSqlAsync();
        await using var engine = await EngineProcess.StartAsync(database, OneWriter);
        var client = new EngineClient(engine.Client());
        var (twice, first) = await client.DeployUniqueAsync("service-task.bpmn", "single-task");
        var second = await EngineClient.Json(await client.DeployAsync(twice + ".bpmn", EngineClient.FixtureXml("service-task.bpmn")
            .Replace("id=\"single-task\"", $"id=\"{twice}\"").Replace("<bpmn:endEvent", "<bpmn:endEvent name=\"Done\"")));
        var (once, only) = await client.DeployUniqueAsync("service-task.bpmn", "single-task");
        var unknown = "not-deployed-" + Guid.NewGuid().ToString("N")[..8];

        var keys = Enumerable.Range(0, 45).Select(i => (i % 3) switch { 0 => twice, 1 => once, _ => unknown }).ToList();
        var answers = await Task.WhenAll(keys.Select(async key =>
            (Key: key, Response: await client.PostAsync($"process-definition/key/{key}/start", "{}"))));

        var definitionIds = new Dictionary<string, string>
        {
            [twice] = DefinitionId(second), [once] = DefinitionId(only),
        };
        Assert.NotEqual(DefinitionId(first), definitionIds[twice]);
        foreach (var (key, response) in answers)
        {
            var body = await EngineClient.Json(response);
            if (key == unknown)
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.Contains($"No process definition with key '{unknown}' is deployed", body["message"]!.GetValue<string>());
                continue;
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(definitionIds[key], body["definitionId"]!.GetValue<string>());
            Assert.Equal(definitionIds[key], (await client.GetJsonAsync($"process-instance/{body["id"]}"))["definitionId"]!.GetValue<string>());
        }
        Assert.Equal(15, await database.CountAsync("bpm_process_instance", "definition_key", twice));
        Assert.Equal(15, await database.CountAsync("bpm_process_instance", "definition_key", once));

        using var scraper = new HttpClient { BaseAddress = engine.BaseAddress };
        var metrics = await scraper.GetStringAsync("/metrics");
        var commands = PrometheusText.Value(metrics, "bpm_commands_grouped_sum");
        var transactions = PrometheusText.Value(metrics, "bpm_commands_grouped_count");
        Assert.True(commands == 30, $"30 starts written through group commit, was {commands}:\n{metrics}");
        Assert.True(transactions < commands, $"{commands} commands in {transactions} transactions");
    }

    [Fact]
    public async Task Should_start_the_version_deployed_since_and_refuse_a_suspended_one_when_starts_of_the_key_were_written_together_before()
    {
        await using var database = await TestDatabase.PostgreSqlAsync();
        await using var engine = await EngineProcess.StartAsync(database, OneWriter);
        var client = new EngineClient(engine.Client());
        var (key, first) = await client.DeployUniqueAsync("service-task.bpmn", "single-task");
        async Task<List<(HttpStatusCode Status, JsonNode Body)>> StartTogetherAsync() => [.. await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            var response = await client.PostAsync($"process-definition/key/{key}/start", "{}");
            return (response.StatusCode, await EngineClient.Json(response));
        }))];

        var before = await StartTogetherAsync();
        var second = DefinitionId(await EngineClient.Json(await client.DeployAsync(key + ".bpmn", EngineClient.FixtureXml("service-task.bpmn")
            .Replace("id=\"single-task\"", $"id=\"{key}\"").Replace("<bpmn:endEvent", "<bpmn:endEvent name=\"Done\""))));
        var after = await StartTogetherAsync();
        await database.ExecuteAsync($"UPDATE bpm_process_definition SET suspended = true WHERE id = '{second}'");
        var suspended = await StartTogetherAsync();
        await database.ExecuteAsync($"UPDATE bpm_process_definition SET suspended = false WHERE id = '{second}'");
        var resumed = await StartTogetherAsync();

        Assert.All(before, s => Assert.Equal((HttpStatusCode.OK, DefinitionId(first)), (s.Status, s.Body["definitionId"]!.GetValue<string>())));
        Assert.All([.. after, .. resumed], s => Assert.Equal((HttpStatusCode.OK, second), (s.Status, s.Body["definitionId"]!.GetValue<string>())));
        Assert.All(suspended, s => Assert.Equal((HttpStatusCode.BadRequest, $"Process definition '{second}' is suspended"),
            (s.Status, s.Body["message"]!.GetValue<string>())));
        Assert.Equal(40, await database.CountAsync("bpm_process_instance", "definition_id", second));
    }

    private static string DefinitionId(JsonNode deployment) =>
        deployment["deployedProcessDefinitions"]!.AsObject().Single().Value!["id"]!.GetValue<string>();

    [Fact]
    public async Task Should_return_to_the_caller_when_called_instances_end_in_completions_arriving_together()
    {
        await using var database = TestDatabase.Sqlite();
        await using var engine = await EngineProcess.StartAsync(database, OneWriter);
        var client = new EngineClient(engine.Client());
        var s = Guid.NewGuid().ToString("N")[..8];
        var xml = EngineClient.FixtureXml("call-activity.bpmn")
            .Replace("id=\"caller\"", $"id=\"caller_{s}\"").Replace("id=\"callee\"", $"id=\"callee_{s}\"")
            .Replace("calledElement=\"callee\"", $"calledElement=\"callee_{s}\"").Replace("camunda:topic=\"dial\"", $"camunda:topic=\"dial_{s}\"");
        Assert.Equal(HttpStatusCode.OK, (await client.DeployAsync($"call_{s}.bpmn", xml)).StatusCode);

        var callers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.StartAsync($"caller_{s}", """{"phone": {"value": "+34 600 000 000"}}""")));
        var tasks = await client.FetchAndLockAsync("w", $"dial_{s}", maxTasks: 20);
        var answers = await Task.WhenAll(tasks.Select(t => client.CompleteExternalTaskAsync(t!["id"]!.GetValue<string>(), "w", """{"outcome": {"value": "promised"}}""")));

        Assert.Equal(20, tasks.Count);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NoContent, a.StatusCode));
        foreach (var caller in callers)
        {
            Assert.Equal("COMPLETED", await client.HistoryStateAsync(caller));
            Assert.Equal(["start", "callDebtor", "called"], await client.PathAsync(caller));
        }
    }

    [Fact]
    public async Task Should_answer_every_command_of_a_group_whose_transaction_cannot_begin()
    {
        // The engine waits one second for SQLite's write lock; this spec holds it for four, so that the starts queued
        // meanwhile meet a lock they cannot get, together.
        await using var database = TestDatabase.Sqlite();
        await using var engine = await EngineProcess.StartAsync(database, new Dictionary<string, string>(OneWriter)
        {
            ["ConnectionStrings__Bpm"] = database.ConnectionString + ";Default Timeout=1",
        });
        var client = new EngineClient(engine.Client());
        var (key, _) = await client.DeployUniqueAsync("service-task.bpmn", "single-task");

        await using var blocker = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
        await blocker.OpenAsync();
        await using (var hold = blocker.CreateCommand())
        {
            hold.CommandText = "BEGIN IMMEDIATE";
            await hold.ExecuteNonQueryAsync();
        }
        var starts = Enumerable.Range(0, 12)
            .Select(i => client.PostAsync($"process-definition/key/{key}/start", $$"""{"businessKey": "held-{{i}}"}"""))
            .ToList();
        await Task.Delay(TimeSpan.FromSeconds(4));
        await using (var release = blocker.CreateCommand())
        {
            release.CommandText = "ROLLBACK";
            await release.ExecuteNonQueryAsync();
        }

        var answered = await Task.WhenAll(starts).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(12, answered.Length);
        var started = answered.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.True(started < 12, "some starts met the held lock");
        Assert.Equal(started, await database.CountAsync("bpm_process_instance", "definition_key", key));
    }
}
