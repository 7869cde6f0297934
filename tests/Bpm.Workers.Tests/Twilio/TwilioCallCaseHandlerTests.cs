using System.Text;
using System.Text.Json.Nodes;
using Bpm.Workers.Tests.Infrastructure;
using Bpm.Workers.Twilio;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Bpm.Workers.Tests.Twilio;

public sealed class TwilioCallCaseHandlerTests : IDisposable
{
    private const string CallsPath = "/2010-04-01/Accounts/AC123/Calls.json";
    private readonly WireMockServer _twilio = WireMockServer.Start();

    public void Dispose() => _twilio.Stop();

    private TwilioCallCaseHandler Handler(string? token = "secret") => new(new TwilioClient(new HttpClient(), Options.Create(new TwilioOptions
    {
        BaseUrl = _twilio.Url!, AccountSid = "AC123", AuthToken = token, FromNumber = "+15550001111", VoiceUrl = "https://voice.example/twiml",
    })));

    private static JsonObject Case(string? phone = "+34600000001") => new() { ["case"] = new JsonObject { ["caseId"] = "case-1", ["phone"] = phone } };

    [Fact]
    public async Task Should_place_the_call_with_basic_auth_and_the_voice_url_and_return_its_sid()
    {
        _twilio.Given(Request.Create().WithPath(CallsPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBodyAsJson(new { sid = "CA0001", status = "queued" }));

        var outcome = await Handler().HandleAsync(Tasks.Create("twilio-call-case", Case()), default);

        Assert.Equal("CA0001", Tasks.Completed(outcome)["callSid"]!.GetValue<string>());
        var request = Stubs.Single(_twilio, "POST", CallsPath);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("AC123:secret")), Stubs.Header(request, "Authorization"));
        Assert.StartsWith("application/x-www-form-urlencoded", Stubs.Header(request, "Content-Type"));
        var form = Stubs.Form(request);
        Assert.Equal("+34600000001", form["To"]);
        Assert.Equal("+15550001111", form["From"]);
        Assert.Equal("https://voice.example/twiml", form["Url"]);
    }

    [Fact]
    public async Task Should_fail_without_retries_with_twilios_text_when_the_number_is_refused()
    {
        _twilio.Given(Request.Create().WithPath(CallsPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithBody("{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\"}"));

        var outcome = await Handler().HandleAsync(Tasks.Create("twilio-call-case", Case()), default);

        Assert.Equal(0, Tasks.Failed(outcome).Retries);
        Assert.Contains("not a valid phone number", Tasks.Failed(outcome).Message);
    }

    [Fact]
    public async Task Should_fail_with_the_models_retries_when_twilio_is_down()
    {
        _twilio.Given(Request.Create().WithPath(CallsPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(500));

        var outcome = await Handler().HandleAsync(Tasks.Create("twilio-call-case", Case()), default);

        Assert.Null(Tasks.Failed(outcome).Retries);
    }

    [Fact]
    public async Task Should_fail_without_retries_when_the_auth_token_is_not_configured()
    {
        var outcome = await Handler(token: null).HandleAsync(Tasks.Create("twilio-call-case", Case()), default);

        Assert.Equal("Twilio auth token (Bpm:Integrations:Twilio:AuthToken) not configured", Tasks.Failed(outcome).Message);
        Assert.Equal(0, Tasks.Failed(outcome).Retries);
        Assert.Empty(_twilio.LogEntries);
    }

    [Fact]
    public async Task Should_fail_without_retries_when_the_case_has_no_phone()
    {
        var outcome = await Handler().HandleAsync(Tasks.Create("twilio-call-case", Case(phone: null)), default);

        Assert.Equal("Case case-1 has no phone number to call", Tasks.Failed(outcome).Message);
        Assert.Empty(_twilio.LogEntries);
    }
}
