using System.Collections.Concurrent;
using System.Net;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Durability;

public abstract class ConcurrencyTests(EngineFixture fixture)
{
    private EngineClient Client => fixture.Client;

    [Fact]
    public async Task Should_accept_concurrent_completions_of_parallel_branches_and_join_exactly_once()
    {
        var (key, _) = await Client.DeployUniqueAsync("parallel-gateway.bpmn", "parallel");
        var instances = new List<string>();
        for (var i = 0; i < 15; i++) instances.Add(await Client.StartAsync(key));
        var tasks = (await Client.GetJsonAsync($"external-task?processDefinitionKey={key}")).AsArray().Select(t => t!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(30, tasks.Count);
        foreach (var id in tasks)
            Assert.Equal(HttpStatusCode.NoContent, (await Client.PostAsync($"external-task/{id}/lock", """{"workerId": "w", "lockDuration": 60000}""")).StatusCode);

        var responses = await Task.WhenAll(tasks.Select(id => Client.CompleteExternalTaskAsync(id, "w", "{\"v" + id[^12..] + "\": {\"value\": true}}")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        foreach (var instance in instances)
        {
            var path = await Client.PathAsync(instance);
            Assert.Equal(2, path.Count(a => a == "join"));
            Assert.Equal(1, path.Count(a => a == "ship"));
            var waiting = (await Client.GetJsonAsync($"external-task?processInstanceId={instance}")).AsArray();
            Assert.Equal("ship", Assert.Single(waiting)!["activityId"]!.GetValue<string>());
            Assert.Equal(2, (await Client.GetJsonAsync($"process-instance/{instance}/variables")).AsObject().Count);
        }
    }

    [Fact]
    public async Task Should_never_give_the_same_task_to_two_competing_workers()
    {
        var (key, _) = await Client.DeployUniqueAsync("parallel-gateway.bpmn", "parallel");
        const int instances = 40;
        for (var i = 0; i < instances; i++) await Client.StartAsync(key);
        var delivered = new ConcurrentBag<string>();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(async worker =>
        {
            while (true)
            {
                var body = $$"""{"workerId": "worker-{{worker}}", "maxTasks": 3, "topics": [{"topicName": "credit", "lockDuration": 60000, "processDefinitionKey": "{{key}}"}]}""";
                var response = await Client.PostAsync("external-task/fetchAndLock", body);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var batch = (await EngineClient.Json(response)).AsArray();
                if (batch.Count == 0) return;
                foreach (var task in batch) delivered.Add(task!["id"]!.GetValue<string>());
            }
        }));

        Assert.Equal(instances, delivered.Count);
        Assert.Equal(instances, delivered.Distinct().Count());
    }
}

public sealed class ConcurrencyOnSqlite(SqliteEngine fixture) : ConcurrencyTests(fixture), IClassFixture<SqliteEngine>;

public sealed class ConcurrencyOnPostgreSql(PostgreSqlEngine fixture) : ConcurrencyTests(fixture), IClassFixture<PostgreSqlEngine>;
