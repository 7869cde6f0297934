using System.Text.Json.Nodes;
using Bpm.Workers.Slack;
using Bpm.Workers.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Bpm.Workers.Tests.Slack;

public sealed class SlackSummaryHandlerTests : IDisposable
{
    private readonly WireMockServer _slack = WireMockServer.Start();

    public void Dispose() => _slack.Stop();

    private SlackSummaryHandler Handler(string? webhook) =>
        new(new SlackClient(new HttpClient(), Options.Create(new SlackOptions { WebhookUrl = webhook })), TimeProvider.System);

    [Fact]
    public async Task Should_post_a_block_kit_summary_of_every_step_result_to_the_webhook()
    {
        _slack.Given(Request.Create().WithPath("/services/T/B/X").UsingPost()).RespondWith(Response.Create().WithBody("ok"));
        var variables = new JsonObject
        {
            ["title"] = "Daily full sync (prod)",
            ["usersResult"] = new JsonObject { ["entity"] = "users", ["status"] = "completed", ["jobId"] = "j1" },
            ["propertiesResult"] = new JsonObject { ["entity"] = "properties", ["status"] = "completed", ["jobId"] = "j2" },
            ["env"] = "prod",
        };

        var outcome = await Handler(_slack.Url + "/services/T/B/X").HandleAsync(Tasks.Create("slack-summary", variables), default);

        Assert.True(Tasks.Completed(outcome)["slackSummarySent"]!.GetValue<bool>());
        var body = Stubs.Json(Stubs.Single(_slack, "POST", "/services/T/B/X"));
        var blocks = body["blocks"]!.AsArray();
        Assert.Equal("header", blocks[0]!["type"]!.GetValue<string>());
        Assert.Equal("Daily full sync (prod)", blocks[0]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal(":white_check_mark: *users*: completed (job `j1`)", blocks[1]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal(":white_check_mark: *properties*: completed (job `j2`)", blocks[2]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal("mrkdwn", blocks[1]!["text"]!["type"]!.GetValue<string>());
        Assert.Equal("context", blocks[^1]!["type"]!.GetValue<string>());
        Assert.Equal("Daily full sync (prod): 2 step(s)", body["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_fail_without_retries_when_the_webhook_is_not_configured()
    {
        var outcome = await Handler(null).HandleAsync(Tasks.Create("slack-summary", new() { ["title"] = "x" }), default);

        var failed = Tasks.Failed(outcome);
        Assert.Equal("Slack webhook not configured", failed.Message);
        Assert.Equal(0, failed.Retries);
    }

    [Fact]
    public async Task Should_fail_without_retries_with_slacks_answer_when_the_webhook_is_gone()
    {
        _slack.Given(Request.Create().WithPath("/services/gone").UsingPost()).RespondWith(Response.Create().WithStatusCode(404).WithBody("no_service"));

        var outcome = await Handler(_slack.Url + "/services/gone").HandleAsync(Tasks.Create("slack-summary", new() { ["title"] = "x" }), default);

        var failed = Tasks.Failed(outcome);
        Assert.Equal(0, failed.Retries);
        Assert.Contains("no_service", failed.Message);
    }

    [Fact]
    public async Task Should_fail_with_the_models_retries_when_slack_is_down()
    {
        _slack.Given(Request.Create().WithPath("/services/down").UsingPost()).RespondWith(Response.Create().WithStatusCode(500).WithBody("oops"));

        var outcome = await Handler(_slack.Url + "/services/down").HandleAsync(Tasks.Create("slack-summary", new() { ["title"] = "x" }), default);

        Assert.Null(Tasks.Failed(outcome).Retries);
    }

    [Fact]
    public async Task Should_fail_with_the_models_retries_when_slack_is_unreachable()
    {
        // Port 1 on loopback: nothing listens there, and no other test's server can take it meanwhile.
        const string url = "http://127.0.0.1:1/services/x";

        var outcome = await Handler(url).HandleAsync(Tasks.Create("slack-summary", new() { ["title"] = "x" }), default);

        Assert.Null(Tasks.Failed(outcome).Retries);
        Assert.StartsWith("Slack is unreachable", Tasks.Failed(outcome).Message);
    }
}
