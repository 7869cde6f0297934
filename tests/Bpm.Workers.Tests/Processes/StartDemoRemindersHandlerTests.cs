using Bpm.Workers.Processes;
using Bpm.Workers.Sdk;
using Bpm.Workers.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Bpm.Workers.Tests.Processes;

public sealed class StartDemoRemindersHandlerTests : IDisposable
{
    private const string StartPath = "/engine-rest/process-definition/key/demo-follow-ups/start";
    private readonly WireMockServer _engine = WireMockServer.Start();

    public void Dispose() => _engine.Stop();

    private StartDemoRemindersHandler Handler() => new(new EngineProcessClient(new HttpClient(), new WorkerOptions
    {
        Http = new WorkerOptions.HttpSection { EngineUrl = _engine.Url!, ApiKey = "engine-key" },
    }));

    [Fact]
    public async Task Should_start_the_follow_ups_process_with_the_demo_times_and_contact()
    {
        _engine.Given(Request.Create().WithPath(StartPath).UsingPost()).RespondWith(Response.Create().WithBodyAsJson(new { id = "pi-followups-1" }));

        var outcome = await Handler().HandleAsync(Tasks.Create("start-demo-reminders", new()
        {
            ["demoAt"] = "2026-12-01T15:30:00Z", ["demoEndsAt"] = "2026-12-01T16:00:00Z", ["phone"] = "+34600000001",
            ["name"] = "Ana", ["amount"] = 12,
        }, businessKey: "LEAD-9"), default);

        Assert.Equal("pi-followups-1", Tasks.Completed(outcome)["followUpsInstanceId"]!.GetValue<string>());
        var request = Stubs.Single(_engine, "POST", StartPath);
        Assert.Equal("engine-key", Stubs.Header(request, "x-api-key"));
        var body = Stubs.Json(request);
        Assert.Equal("LEAD-9", body["businessKey"]!.GetValue<string>());
        Assert.Equal("2026-12-01T15:30:00Z", body["variables"]!["demoAt"]!["value"]!.GetValue<string>());
        Assert.Equal("String", body["variables"]!["demoAt"]!["type"]!.GetValue<string>());
        Assert.Equal("+34600000001", body["variables"]!["phone"]!["value"]!.GetValue<string>());
        Assert.Null(body["variables"]!["amount"]);
    }

    [Fact]
    public async Task Should_fail_without_retries_when_the_engine_does_not_know_the_process()
    {
        _engine.Given(Request.Create().WithPath(StartPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(404).WithBody("{\"type\":\"RestException\",\"message\":\"No process definition with key demo-follow-ups\"}"));

        var outcome = await Handler().HandleAsync(Tasks.Create("start-demo-reminders", new()
        {
            ["demoAt"] = "2026-12-01T15:30:00Z", ["demoEndsAt"] = "2026-12-01T16:00:00Z", ["phone"] = "+34600000001",
        }), default);

        Assert.Equal(0, Tasks.Failed(outcome).Retries);
        Assert.Contains("No process definition with key demo-follow-ups", Tasks.Failed(outcome).Message);
    }

    [Fact]
    public async Task Should_refuse_a_task_without_the_demo_times()
    {
        var error = await Assert.ThrowsAsync<TaskVariableException>(() =>
            Handler().HandleAsync(Tasks.Create("start-demo-reminders", new() { ["phone"] = "+34600000001" }), default));

        Assert.Contains("'demoAt'", error.Message);
        Assert.Empty(_engine.LogEntries);
    }
}
