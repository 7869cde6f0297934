using Bpm.Workers.HubSpot;
using Bpm.Workers.Sdk;
using Bpm.Workers.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Bpm.Workers.Tests.HubSpot;

public sealed class HubSpotUpdateStageHandlerTests : IDisposable
{
    private const string UpsertPath = "/crm/v3/objects/contacts/batch/upsert";
    private readonly WireMockServer _hubSpot = WireMockServer.Start();

    public void Dispose() => _hubSpot.Stop();

    private HubSpotUpdateStageHandler Handler(string? token = "pat-eu1-1")
    {
        var options = Options.Create(new HubSpotOptions { BaseUrl = _hubSpot.Url!, AccessToken = token });
        return new HubSpotUpdateStageHandler(new HubSpotClient(new HttpClient(), options), options);
    }

    [Fact]
    public async Task Should_upsert_the_contact_by_email_with_its_stage()
    {
        _hubSpot.Given(Request.Create().WithPath(UpsertPath).UsingPost())
            .RespondWith(Response.Create().WithBodyAsJson(new { status = "COMPLETE", results = new[] { new { id = "501", properties = new { } } } }));

        var outcome = await Handler().HandleAsync(Tasks.Create("hubspot-update-stage", new()
        {
            ["email"] = "ana@example.com", ["name"] = "Ana López", ["phone"] = "+34600000001",
        }), default);

        var variables = Tasks.Completed(outcome);
        Assert.Equal("501", variables["hubspotContactId"]!.GetValue<string>());
        Assert.Equal("salesqualifiedlead", variables["leadStage"]!.GetValue<string>());
        var request = Stubs.Single(_hubSpot, "POST", UpsertPath);
        Assert.Equal("Bearer pat-eu1-1", Stubs.Header(request, "Authorization"));
        var input = Stubs.Json(request)["inputs"]![0]!;
        Assert.Equal("email", input["idProperty"]!.GetValue<string>());
        Assert.Equal("ana@example.com", input["id"]!.GetValue<string>());
        Assert.Equal("salesqualifiedlead", input["properties"]!["lifecyclestage"]!.GetValue<string>());
        Assert.Equal("Ana", input["properties"]!["firstname"]!.GetValue<string>());
        Assert.Equal("López", input["properties"]!["lastname"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_throw_booking_failed_when_hubspot_refuses_the_contact()
    {
        _hubSpot.Given(Request.Create().WithPath(UpsertPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithBody("{\"message\":\"Property values were not valid\"}"));

        var outcome = await Handler().HandleAsync(Tasks.Create("hubspot-update-stage", new() { ["email"] = "ana@example.com", ["stage"] = "bogus" }), default);

        var error = Assert.IsType<TaskOutcome.BpmnErrorThrown>(outcome);
        Assert.Equal("BOOKING_FAILED", error.Code);
        Assert.Contains("Property values were not valid", error.Message);
    }

    [Fact]
    public async Task Should_fail_without_retries_when_the_token_is_not_configured_and_with_retries_when_hubspot_is_down()
    {
        _hubSpot.Given(Request.Create().WithPath(UpsertPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(429).WithBody("rate limited"));

        var unconfigured = await Handler(token: null).HandleAsync(Tasks.Create("hubspot-update-stage", new() { ["email"] = "a@b.c" }), default);
        var limited = await Handler().HandleAsync(Tasks.Create("hubspot-update-stage", new() { ["email"] = "a@b.c" }), default);

        Assert.Equal("HubSpot access token (Bpm:Integrations:HubSpot:AccessToken) not configured", Tasks.Failed(unconfigured).Message);
        Assert.Equal(0, Tasks.Failed(unconfigured).Retries);
        Assert.Null(Tasks.Failed(limited).Retries);
    }
}
