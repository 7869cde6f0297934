using System.Net;
using System.Text;
using System.Text.Json;
using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Operations;

public sealed class OperationsTests
{
    [Fact]
    public async Task Should_send_a_span_per_rest_command_to_the_configured_otlp_endpoint()
    {
        using var collector = new OtlpCollector();
        await using var database = TestDatabase.Sqlite();
        await using var engine = await EngineProcess.StartAsync(database, collector.ExporterSettings);
        var client = new EngineClient(engine.Client());
        var (key, _) = await client.DeployUniqueAsync("service-task.bpmn", "single-task");
        var instance = await client.StartAsync(key);
        Assert.Equal(HttpStatusCode.NoContent, (await client.Http.DeleteAsync($"process-instance/{instance}")).StatusCode);
        var (asyncKey, _) = await client.DeployUniqueAsync("async-step.bpmn", "asyncStep");
        var continued = await client.StartAsync(asyncKey);

        await EngineClient.EventuallyAsync(() =>
        {
            var text = collector.Text;
            return Task.FromResult(text.Contains("bpm.process-definition.start") && text.Contains("bpm.process-instance.delete") && text.Contains(continued));
        }, TimeSpan.FromSeconds(15), "the spans of the start, the cancellation and the continuation job to reach the collector");

        var traces = collector.Text;
        Assert.Contains("/v1/traces", traces);
        Assert.Contains("Bpm.Engine", traces);
        Assert.Contains("bpm.deployment.create", traces);
        Assert.Contains("bpm.process_definition.key", traces);
        Assert.Contains(key, traces);
        Assert.Contains("bpm.process_instance.id", traces);
        Assert.Contains(instance, traces);
        Assert.Contains("bpm.job.continuation", traces);
        Assert.DoesNotContain("/health/ready", traces);
    }

    [Fact]
    public async Task Should_write_json_log_lines_with_the_ids_of_the_command_as_scopes()
    {
        await using var database = TestDatabase.Sqlite();
        await using var engine = await EngineProcess.StartAsync(database, new Dictionary<string, string>
        {
            ["Bpm__Logging__Json"] = "true",
            ["Logging__LogLevel__Bpm.Engine.Host.Infrastructure.CommandTelemetryMiddleware"] = "Debug",
        });
        var client = new EngineClient(engine.Client());
        var (key, _) = await client.DeployUniqueAsync("service-task.bpmn", "single-task");
        await client.StartAsync(key);
        var task = Assert.Single(await client.FetchAndLockAsync("w1", "single-task-topic"))!;
        var taskId = task["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await client.CompleteExternalTaskAsync(taskId, "w1")).StatusCode);

        JsonElement? line = null;
        await EngineClient.EventuallyAsync(() =>
        {
            line = JsonLines(engine.Output).Cast<JsonElement?>().FirstOrDefault(l => l!.Value.GetRawText().Contains(taskId));
            return Task.FromResult(line is not null);
        }, TimeSpan.FromSeconds(10), "a log line of the completion");

        Assert.Equal("Debug", line!.Value.GetProperty("LogLevel").GetString());
        var scopes = line.Value.GetProperty("Scopes").EnumerateArray().ToList();
        Assert.Contains(scopes, s => s.TryGetProperty("ExternalTaskId", out var id) && id.GetString() == taskId);
        Assert.Contains(scopes, s => s.TryGetProperty("Command", out var command) && command.GetString() == "bpm.external-task.complete");
    }

    [Fact]
    public async Task Should_stop_cleanly_within_the_shutdown_timeout_when_terminated()
    {
        await using var database = TestDatabase.Sqlite();
        await using var engine = await EngineProcess.StartAsync(database, new Dictionary<string, string>
        {
            ["Bpm__ShutdownTimeout"] = "00:00:05",
            ["Logging__LogLevel__Bpm.Engine.Host.Infrastructure.JobExecutorService"] = "Information",
        });

        var exitCode = await engine.TerminateAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(0, exitCode);
        Assert.Contains("stopped", engine.Output);
    }

    [Fact]
    public async Task Should_finish_the_batch_of_jobs_it_holds_when_terminated()
    {
        const int instances = 80;
        await using var database = TestDatabase.Sqlite();
        string key;
        // Continuations are queued while no job executor runs, so the next node acquires them in one batch.
        await using (var queueing = await EngineProcess.StartAsync(database, new Dictionary<string, string> { ["Bpm__Jobs__Enabled"] = "false" }))
        {
            var client = new EngineClient(queueing.Client());
            (key, _) = await client.DeployUniqueAsync("async-step.bpmn", "asyncStep");
            for (var i = 0; i < instances; i++) await client.StartAsync(key);
        }
        await using var running = await EngineProcess.StartAsync(database, new Dictionary<string, string>
        {
            ["Bpm__Jobs__BatchSize"] = "500",
            ["Bpm__Jobs__Parallelism"] = "1",
            ["Bpm__ShutdownTimeout"] = "00:00:30",
        });
        var runningClient = new EngineClient(running.Client());
        await EngineClient.EventuallyAsync(async () => await CompletedAsync(runningClient, key) > 0, TimeSpan.FromSeconds(60), "the batch to start");

        var exitCode = await running.TerminateAsync(TimeSpan.FromSeconds(40));

        Assert.Equal(0, exitCode);
        await using var after = await EngineProcess.StartAsync(database, new Dictionary<string, string> { ["Bpm__Jobs__Enabled"] = "false" });
        Assert.Equal(instances, await CompletedAsync(new EngineClient(after.Client()), key));
    }

    private static async Task<int> CompletedAsync(EngineClient client, string key) =>
        (await client.GetJsonAsync($"history/process-instance?processDefinitionKey={key}&finished=true&maxResults=1000")).AsArray().Count;

    [Fact]
    public async Task Should_refuse_to_start_with_a_malformed_otlp_endpoint()
    {
        await using var database = TestDatabase.Sqlite();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            EngineProcess.StartAsync(database, new Dictionary<string, string> { ["Bpm__Telemetry__OtlpEndpoint"] = "collector:4317" }));

        Assert.Contains("Bpm:Telemetry:OtlpEndpoint must be an absolute URL", error.Message);
    }

    private static IEnumerable<JsonElement> JsonLines(string output)
    {
        foreach (var text in output.Split('\n'))
        {
            if (!text.TrimStart().StartsWith('{')) continue;
            JsonElement parsed;
            try
            {
                parsed = JsonDocument.Parse(text).RootElement;
            }
            catch (JsonException)
            {
                continue;
            }
            yield return parsed;
        }
    }
}
