using System.Net;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Operations;

public sealed class MetricsTests
{
    [Fact]
    public async Task Should_count_instances_and_external_tasks_of_a_process_on_the_metrics_endpoint()
    {
        await using var database = TestDatabase.Sqlite();
        await using var engine = await EngineProcess.StartAsync(database, new Dictionary<string, string> { ["Bpm__Telemetry__GaugeInterval"] = "00:00:00.200" });
        var client = new EngineClient(engine.Client());
        var topic = "metrics-" + Guid.NewGuid().ToString("N")[..8];
        var key = "metrics_" + Guid.NewGuid().ToString("N")[..8];
        var xml = EngineClient.FixtureXml("service-task.bpmn").Replace("id=\"single-task\"", $"id=\"{key}\"").Replace("single-task-topic", topic);
        Assert.Equal(HttpStatusCode.OK, (await client.DeployAsync(key + ".bpmn", xml)).StatusCode);

        await client.StartAsync(key);
        await client.StartAsync(key);
        var tasks = await client.FetchAndLockAsync("w1", topic);
        Assert.Equal(2, tasks.Count);
        Assert.Equal(HttpStatusCode.NoContent, (await client.CompleteExternalTaskAsync(tasks[0]!["id"]!.GetValue<string>(), "w1")).StatusCode);
        var failure = await client.PostAsync($"external-task/{tasks[1]!["id"]!.GetValue<string>()}/failure", """{"workerId": "w1", "errorMessage": "down", "retries": 0, "retryTimeout": 0}""");
        Assert.Equal(HttpStatusCode.NoContent, failure.StatusCode);

        using var scraper = new HttpClient { BaseAddress = engine.BaseAddress };
        string metrics = "";
        await EngineClient.EventuallyAsync(async () =>
        {
            var response = await scraper.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            metrics = await response.Content.ReadAsStringAsync();
            return PrometheusText.Value(metrics, "bpm_incidents_open", ("incident_type", "failedExternalTask")) == 1;
        }, TimeSpan.FromSeconds(10), "the open-incidents gauge to count the failed task");

        Assert.Equal(2, PrometheusText.Value(metrics, "bpm_process_instances_started_total", ("process_definition_key", key)));
        Assert.True(PrometheusText.Value(metrics, "dotnet_gc_last_collection_heap_size_bytes", ("gc_heap_generation", "gen2")) is >= 0,
            "the runtime's heap after the last collection is on the endpoint");
        Assert.True(PrometheusText.Value(metrics, "dotnet_process_memory_working_set_bytes") > 0, "the runtime's working set is on the endpoint");
        Assert.Equal(1, PrometheusText.Value(metrics, "bpm_process_instances_completed_total", ("process_definition_key", key)));
        Assert.Equal(2, PrometheusText.Value(metrics, "bpm_external_tasks_activated_total", ("topic", topic)));
        Assert.Equal(1, PrometheusText.Value(metrics, "bpm_external_tasks_completed_total", ("topic", topic)));
        Assert.Equal(1, PrometheusText.Value(metrics, "bpm_external_tasks_failed_total", ("topic", topic), ("kind", "failure")));
        Assert.Equal(0, PrometheusText.Value(metrics, "bpm_incidents_open", ("incident_type", "failedScript")));
        Assert.True(PrometheusText.Value(metrics, "bpm_jobs_acquisition_duration_seconds_count") > 0, "job acquisitions are timed");
    }

    [Fact]
    public async Task Should_show_how_long_a_service_task_has_waited_for_a_worker_until_one_takes_it()
    {
        await using var database = TestDatabase.Sqlite();
        await using var engine = await EngineProcess.StartAsync(database, new Dictionary<string, string> { ["Bpm__Telemetry__GaugeInterval"] = "00:00:00.200" });
        var client = new EngineClient(engine.Client());
        var topic = "lag-" + Guid.NewGuid().ToString("N")[..8];
        var key = "lag_" + Guid.NewGuid().ToString("N")[..8];
        var xml = EngineClient.FixtureXml("service-task.bpmn").Replace("id=\"single-task\"", $"id=\"{key}\"").Replace("single-task-topic", topic);
        Assert.Equal(HttpStatusCode.OK, (await client.DeployAsync(key + ".bpmn", xml)).StatusCode);
        await client.StartAsync(key);
        using var scraper = new HttpClient { BaseAddress = engine.BaseAddress };

        await EngineClient.EventuallyAsync(async () =>
            PrometheusText.Value(await scraper.GetStringAsync("/metrics"), "bpm_outbox_lag_seconds", ("topic", topic)) >= 0.5,
            TimeSpan.FromSeconds(10), "the waiting task's age to show");
        Assert.Single(await client.FetchAndLockAsync("w1", topic));

        await EngineClient.EventuallyAsync(async () =>
            PrometheusText.Value(await scraper.GetStringAsync("/metrics"), "bpm_outbox_lag_seconds", ("topic", topic)) is null,
            TimeSpan.FromSeconds(10), "the lag to go once a worker holds the task");
    }

    [Fact]
    public async Task Should_count_user_tasks_created_and_completed()
    {
        await using var database = TestDatabase.Sqlite();
        await using var engine = await EngineProcess.StartAsync(database);
        var client = new EngineClient(engine.Client());
        var (key, _) = await client.DeployUniqueAsync("user-task.bpmn", "userTasks");
        var instance = await client.StartAsync(key, ReviewFixture.Variables);
        var task = Assert.Single((await client.GetJsonAsync($"task?processInstanceId={instance}")).AsArray())!;

        var complete = await client.PostAsync($"task/{task["id"]!.GetValue<string>()}/complete", "{}");

        Assert.Equal(HttpStatusCode.NoContent, complete.StatusCode);
        using var scraper = new HttpClient { BaseAddress = engine.BaseAddress };
        var metrics = await scraper.GetStringAsync("/metrics");
        Assert.Equal(2, PrometheusText.Value(metrics, "bpm_user_tasks_created_total", ("process_definition_key", key)));
        Assert.Equal(1, PrometheusText.Value(metrics, "bpm_user_tasks_completed_total", ("process_definition_key", key)));
    }
}
