using System.Text.Json.Nodes;
using Bpm.Workers.Sdk;
using Bpm.Workers.Tests.Infrastructure;
using Bpm.Workers.WhatsApp;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Bpm.Workers.Tests.WhatsApp;

public sealed class WhatsAppHandlersTests : IDisposable
{
    private const string MessagesPath = "/v21.0/1234567890/messages";
    private readonly WireMockServer _meta = WireMockServer.Start();

    public void Dispose() => _meta.Stop();

    private WhatsAppClient Client(string? token = "EAAtoken") => new(new HttpClient(), Options.Create(new WhatsAppOptions
    {
        BaseUrl = _meta.Url!, PhoneNumberId = "1234567890", AccessToken = token,
    }));

    private void Accepts() => _meta.Given(Request.Create().WithPath(MessagesPath).UsingPost())
        .RespondWith(Response.Create().WithBodyAsJson(new { messaging_product = "whatsapp", messages = new[] { new { id = "wamid.ABC" } } }));

    private string SentText()
    {
        var body = Stubs.Json(Stubs.Single(_meta, "POST", MessagesPath));
        Assert.Equal("whatsapp", body["messaging_product"]!.GetValue<string>());
        Assert.Equal("text", body["type"]!.GetValue<string>());
        Assert.Equal("34600000001", body["to"]!.GetValue<string>());
        return body["text"]!["body"]!.GetValue<string>();
    }

    private static JsonObject Lead(JsonObject? more = null)
    {
        var variables = new JsonObject { ["phone"] = "+34600000001", ["name"] = "Ana" };
        foreach (var (k, v) in more ?? []) variables[k] = v?.DeepClone();
        return variables;
    }

    [Fact]
    public async Task Should_send_the_booking_confirmation_with_the_bearer_token_and_keep_the_message_id()
    {
        Accepts();

        var outcome = await new WhatsAppSendConfirmationHandler(Client()).HandleAsync(
            Tasks.Create("whatsapp-send-confirmation", Lead(new() { ["demoAt"] = "2026-12-01T15:30:00Z" })), default);

        Assert.Equal("wamid.ABC", Tasks.Completed(outcome)["confirmationMessageId"]!.GetValue<string>());
        Assert.Equal("Bearer EAAtoken", Stubs.Header(Stubs.Single(_meta, "POST", MessagesPath), "Authorization"));
        Assert.Equal("Hi Ana, your demo is booked for Tue 1 Dec, 15:30 UTC. See you there!", SentText());
    }

    [Fact]
    public async Task Should_throw_booking_failed_when_the_confirmation_is_refused_inside_the_saga()
    {
        _meta.Given(Request.Create().WithPath(MessagesPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithBody("{\"error\":{\"message\":\"Recipient phone number not in allowed list\"}}"));

        var outcome = await new WhatsAppSendConfirmationHandler(Client()).HandleAsync(
            Tasks.Create("whatsapp-send-confirmation", Lead(new() { ["demoAt"] = "2026-12-01T15:30:00Z" })), default);

        var error = Assert.IsType<TaskOutcome.BpmnErrorThrown>(outcome);
        Assert.Equal("BOOKING_FAILED", error.Code);
        Assert.Contains("not in allowed list", error.Message);
    }

    [Fact]
    public async Task Should_fail_without_retries_when_the_access_token_is_not_configured()
    {
        var outcome = await new SendNudgeHandler(Client(token: null)).HandleAsync(Tasks.Create("send-nudge", Lead()), default);

        Assert.Equal("WhatsApp access token (Bpm:Integrations:WhatsApp:AccessToken) not configured", Tasks.Failed(outcome).Message);
        Assert.Equal(0, Tasks.Failed(outcome).Retries);
    }

    [Fact]
    public async Task Should_fail_with_the_models_retries_when_whatsapp_is_down()
    {
        _meta.Given(Request.Create().WithPath(MessagesPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(503));

        var outcome = await new SendFollowUpHandler(Client()).HandleAsync(Tasks.Create("send-follow-up", Lead()), default);

        Assert.Null(Tasks.Failed(outcome).Retries);
    }

    [Fact]
    public async Task Should_say_how_many_minutes_are_left_in_the_last_demo_reminder()
    {
        Accepts();
        var demoAt = DateTimeOffset.UtcNow.AddMinutes(30);

        var outcome = await new SendDemoReminderHandler(Client(), TimeProvider.System).HandleAsync(
            Tasks.Create("send-demo-reminder", Lead(new() { ["demoAt"] = demoAt.ToString("O") }), "remind30m"), default);

        Assert.Equal("wamid.ABC", Tasks.Completed(outcome)["reminderMessageId"]!.GetValue<string>());
        Assert.Matches(@"^Hi Ana, your demo starts in (29|30) minutes\.$", SentText());
    }

    [Fact]
    public async Task Should_send_the_payment_link()
    {
        Accepts();

        var outcome = await new SendPaymentLinkHandler(Client()).HandleAsync(
            Tasks.Create("send-payment-link", Lead(new() { ["checkoutUrl"] = "https://checkout.stripe.com/c/pay/cs_1" })), default);

        Assert.Equal("wamid.ABC", Tasks.Completed(outcome)["paymentLinkMessageId"]!.GetValue<string>());
        Assert.Equal("Hi Ana, here is your payment link: https://checkout.stripe.com/c/pay/cs_1", SentText());
    }

    [Fact]
    public async Task Should_word_the_last_payment_reminder_as_the_last()
    {
        Accepts();

        var outcome = await new SendPaymentReminderHandler(Client()).HandleAsync(
            Tasks.Create("send-payment-reminder", Lead(new() { ["checkoutUrl"] = "https://pay/x" }), "secondReminder"), default);

        Tasks.Completed(outcome);
        Assert.Equal("Hi Ana, your payment link expires in a few hours: https://pay/x", SentText());
    }

    [Fact]
    public async Task Should_say_goodbye_in_the_last_reengagement_message()
    {
        Accepts();

        var outcome = await new SendReengagementHandler(Client()).HandleAsync(Tasks.Create("send-reengagement", Lead(), "reengage168h"), default);

        Assert.Equal("wamid.ABC", Tasks.Completed(outcome)["reengagementMessageId"]!.GetValue<string>());
        Assert.StartsWith("Hi Ana, this is our last check-in.", SentText());
    }
}
