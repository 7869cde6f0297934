using System.Text.Json.Nodes;
using Bpm.Workers.Tests.Infrastructure;
using Bpm.Workers.ToolsApi;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Bpm.Workers.Tests.ToolsApi;

public sealed class ToolsSyncHandlerTests : IDisposable
{
    private readonly WireMockServer _prod = WireMockServer.Start();
    private readonly WireMockServer _dev = WireMockServer.Start();

    public void Dispose()
    {
        _prod.Stop();
        _dev.Stop();
    }

    private ToolsSyncHandler Handler(TimeSpan? timeout = null, bool configured = true) => new(
        new ToolsApiClient(new HttpClient()),
        Options.Create(new ToolsApiOptions
        {
            Prod = configured ? new() { BaseUrl = _prod.Url, ApiKey = "prod-key" } : new(),
            Dev = new() { BaseUrl = _dev.Url, ApiKey = "dev-key" },
            PollInterval = TimeSpan.FromMilliseconds(50),
            PollTimeout = timeout ?? TimeSpan.FromSeconds(5),
        }),
        TimeProvider.System);

    private void StartsJob(WireMockServer server, string entity, string jobId) =>
        server.Given(Request.Create().WithPath($"/chat/sync/{entity}").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBodyAsJson(new { jobId, status = "pending" }));

    private void JobRunsThen(WireMockServer server, string jobId, object final)
    {
        var path = $"/chat/sync/jobs/{jobId}";
        server.Given(Request.Create().WithPath(path).UsingGet()).InScenario(jobId).WillSetStateTo("running")
            .RespondWith(Response.Create().WithBodyAsJson(new { id = jobId, status = "running" }));
        server.Given(Request.Create().WithPath(path).UsingGet()).InScenario(jobId).WhenStateIs("running").WillSetStateTo("finished")
            .RespondWith(Response.Create().WithBodyAsJson(new { id = jobId, status = "running" }));
        server.Given(Request.Create().WithPath(path).UsingGet()).InScenario(jobId).WhenStateIs("finished")
            .RespondWith(Response.Create().WithBodyAsJson(final));
    }

    [Fact]
    public async Task Should_start_the_sync_with_the_api_key_and_poll_the_job_until_it_completes()
    {
        StartsJob(_prod, "users", "job-1");
        JobRunsThen(_prod, "job-1", new { id = "job-1", status = "completed", result = new { upserted = 42 } });

        var outcome = await Handler().HandleAsync(
            Tasks.Create("tools-sync", new() { ["entity"] = "users", ["env"] = "prod", ["chainDealsSync"] = true }), default);

        var result = Tasks.Completed(outcome)["result"]!;
        Assert.Equal("users", result["entity"]!.GetValue<string>());
        Assert.Equal("prod", result["env"]!.GetValue<string>());
        Assert.Equal("job-1", result["jobId"]!.GetValue<string>());
        Assert.Equal("completed", result["status"]!.GetValue<string>());
        Assert.Equal(42, result["result"]!["upserted"]!.GetValue<int>());
        var start = Stubs.Single(_prod, "POST", "/chat/sync/users");
        Assert.Equal("prod-key", Stubs.Header(start, "x-api-key"));
        Assert.True(Stubs.Json(start)["chainDealsSync"]!.GetValue<bool>());
        var polls = _prod.LogEntries.Where(e => e.RequestMessage.Path == "/chat/sync/jobs/job-1").ToList();
        Assert.Equal(3, polls.Count);
        Assert.All(polls, p => Assert.Equal("prod-key", Stubs.Header(p, "x-api-key")));
        Assert.Empty(_dev.LogEntries);
    }

    [Fact]
    public async Task Should_use_the_dev_settings_when_env_is_dev_and_send_no_deals_flag_for_other_entities()
    {
        StartsJob(_dev, "firebase-legacy-responses", "job-2");
        JobRunsThen(_dev, "job-2", new { id = "job-2", status = "completed" });

        var outcome = await Handler().HandleAsync(
            Tasks.Create("tools-sync", new() { ["entity"] = "firebase-legacy-responses", ["env"] = "dev" }), default);

        Assert.Equal("job-2", Tasks.Completed(outcome)["result"]!["jobId"]!.GetValue<string>());
        var start = Stubs.Single(_dev, "POST", "/chat/sync/firebase-legacy-responses");
        Assert.Equal("dev-key", Stubs.Header(start, "x-api-key"));
        Assert.Equal("{}", Stubs.Json(start).ToJsonString());
        Assert.Empty(_prod.LogEntries);
    }

    [Fact]
    public async Task Should_fail_with_the_jobs_error_message_and_steps_when_the_job_fails()
    {
        StartsJob(_prod, "bookings", "job-3");
        JobRunsThen(_prod, "job-3", new
        {
            id = "job-3", status = "failed", errorMessage = "Firestore quota exceeded",
            steps = new[] { new { name = "fetch", status = "done" }, new { name = "upsert", status = "failed" } },
        });

        var outcome = await Handler().HandleAsync(Tasks.Create("tools-sync", new() { ["entity"] = "bookings", ["env"] = "prod" }), default);

        var failed = Tasks.Failed(outcome);
        Assert.Contains("Firestore quota exceeded", failed.Message);
        Assert.Contains("job-3", failed.Message);
        Assert.Null(failed.Retries);
        var details = JsonNode.Parse(failed.Details!)!;
        Assert.Equal("upsert", details["steps"]![1]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_fail_with_a_clear_message_when_the_job_outlives_the_poll_timeout()
    {
        StartsJob(_prod, "deals", "job-4");
        _prod.Given(Request.Create().WithPath("/chat/sync/jobs/job-4").UsingGet())
            .RespondWith(Response.Create().WithBodyAsJson(new { id = "job-4", status = "running" }));

        // Long enough for a second poll after a slow first one (a cold HTTP client on a loaded machine took over a second).
        var outcome = await Handler(TimeSpan.FromSeconds(3)).HandleAsync(
            Tasks.Create("tools-sync", new() { ["entity"] = "deals", ["env"] = "prod" }), default);

        var failed = Tasks.Failed(outcome);
        Assert.Equal("Tools API sync job job-4 of deals (prod) did not finish within 00:00:03", failed.Message);
        Assert.Null(failed.Retries);
        // Polled again and again (every 50 ms here) until the deadline, not once.
        Assert.True(_prod.LogEntries.Count(e => e.RequestMessage.Path == "/chat/sync/jobs/job-4") >= 2);
    }

    [Fact]
    public async Task Should_fail_without_retries_with_the_response_text_when_the_key_is_refused()
    {
        _prod.Given(Request.Create().WithPath("/chat/sync/properties").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("{\"message\":\"Invalid API key\"}"));

        var outcome = await Handler().HandleAsync(Tasks.Create("tools-sync", new() { ["entity"] = "properties", ["env"] = "prod" }), default);

        var failed = Tasks.Failed(outcome);
        Assert.Equal(0, failed.Retries);
        Assert.Contains("401", failed.Message);
        Assert.Contains("Invalid API key", failed.Message);
    }

    [Fact]
    public async Task Should_fail_with_the_models_retries_when_the_api_has_a_server_error()
    {
        _prod.Given(Request.Create().WithPath("/chat/sync/properties").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("upstream down"));

        var outcome = await Handler().HandleAsync(Tasks.Create("tools-sync", new() { ["entity"] = "properties", ["env"] = "prod" }), default);

        var failed = Tasks.Failed(outcome);
        Assert.Null(failed.Retries);
        Assert.Contains("503", failed.Message);
        Assert.Contains("upstream down", failed.Message);
    }

    [Fact]
    public async Task Should_fail_without_retries_when_the_environment_is_not_configured()
    {
        var outcome = await Handler(configured: false).HandleAsync(Tasks.Create("tools-sync", new() { ["entity"] = "users", ["env"] = "prod" }), default);

        var failed = Tasks.Failed(outcome);
        Assert.Equal(0, failed.Retries);
        Assert.Equal("Tools API base URL for env 'prod' (Bpm:Integrations:ToolsApi:Prod:BaseUrl) not configured", failed.Message);
        Assert.Empty(_prod.LogEntries);
    }

    [Fact]
    public async Task Should_refuse_an_unknown_entity_without_calling_the_api()
    {
        var outcome = await Handler().HandleAsync(Tasks.Create("tools-sync", new() { ["entity"] = "invoices", ["env"] = "prod" }), default);

        Assert.Equal(0, Tasks.Failed(outcome).Retries);
        Assert.Contains("invoices", Tasks.Failed(outcome).Message);
        Assert.Empty(_prod.LogEntries);
    }
}
