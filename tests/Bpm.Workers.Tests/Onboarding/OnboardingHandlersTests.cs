using Bpm.Workers.Onboarding;
using Bpm.Workers.Slack;
using Bpm.Workers.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Bpm.Workers.Tests.Onboarding;

public sealed class OnboardingHandlersTests : IDisposable
{
    private readonly WireMockServer _slack = WireMockServer.Start();

    public OnboardingHandlersTests() =>
        _slack.Given(Request.Create().WithPath("/hook").UsingPost()).RespondWith(Response.Create().WithBody("ok"));

    public void Dispose() => _slack.Stop();

    private SlackClient Slack(string? url = null) => new(new HttpClient(), Options.Create(new SlackOptions { WebhookUrl = url ?? _slack.Url + "/hook" }));

    private static IOptions<OnboardingOptions> Onboarding(string? signatureUrl = "https://sign.example/contracts/{businessKey}") =>
        Options.Create(new OnboardingOptions { EmailDomain = "acme.test", SignatureUrl = signatureUrl });

    [Fact]
    public async Task Should_name_the_accounts_and_ask_it_on_slack()
    {
        var outcome = await new CreateAccountsHandler(Slack(), Onboarding()).HandleAsync(
            Tasks.Create("create-accounts", new() { ["employeeName"] = "Ana María López", ["startDate"] = "2026-12-01" }), default);

        var variables = Tasks.Completed(outcome);
        Assert.Equal("ana.lopez", variables["accountLogin"]!.GetValue<string>());
        Assert.Equal("ana.lopez@acme.test", variables["accountEmail"]!.GetValue<string>());
        var body = Stubs.Json(Stubs.Single(_slack, "POST", "/hook"));
        Assert.Contains("`ana.lopez`", body["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
        Assert.Contains("starting 2026-12-01", body["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_post_the_signing_link_of_the_contract()
    {
        var outcome = await new CollectSignatureHandler(Slack(), Onboarding()).HandleAsync(
            Tasks.Create("collect-signature", new() { ["employeeName"] = "Bo Ek" }, businessKey: "EMP 42"), default);

        Assert.Equal("https://sign.example/contracts/EMP%2042", Tasks.Completed(outcome)["signatureUrl"]!.GetValue<string>());
        Assert.Contains("<https://sign.example/contracts/EMP%2042|sign here>",
            Stubs.Json(Stubs.Single(_slack, "POST", "/hook"))["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_fail_without_retries_when_the_signature_url_or_slack_is_not_configured()
    {
        var noUrl = await new CollectSignatureHandler(Slack(), Onboarding(signatureUrl: null)).HandleAsync(
            Tasks.Create("collect-signature", new() { ["employeeName"] = "Bo Ek" }), default);
        var noSlack = await new CreateAccountsHandler(new SlackClient(new HttpClient(), Options.Create(new SlackOptions())), Onboarding()).HandleAsync(
            Tasks.Create("create-accounts", new() { ["employeeName"] = "Bo Ek" }), default);

        Assert.Equal("Contract signature URL (Bpm:Integrations:Onboarding:SignatureUrl) not configured", Tasks.Failed(noUrl).Message);
        Assert.Equal("Slack webhook not configured", Tasks.Failed(noSlack).Message);
        Assert.Equal(0, Tasks.Failed(noSlack).Retries);
        Assert.Empty(_slack.LogEntries);
    }
}
