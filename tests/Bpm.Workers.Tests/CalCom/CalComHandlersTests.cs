using System.Text.Json.Nodes;
using Bpm.Workers.CalCom;
using Bpm.Workers.Sdk;
using Bpm.Workers.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Bpm.Workers.Tests.CalCom;

public sealed class CalComHandlersTests : IDisposable
{
    private readonly WireMockServer _cal = WireMockServer.Start();

    public void Dispose() => _cal.Stop();

    private IOptions<CalComOptions> Options(string? key = "cal_live_1") =>
        Microsoft.Extensions.Options.Options.Create(new CalComOptions { BaseUrl = _cal.Url!, ApiKey = key, EventTypeId = 77 });

    private CalComCreateEventHandler Create(string? key = "cal_live_1") => new(new CalComClient(new HttpClient(), Options(key)), Options(key));

    private static JsonObject Lead() => new()
    {
        ["demoAt"] = "2026-12-01T15:30:00Z", ["name"] = "Ana López", ["email"] = "ana@example.com", ["phone"] = "+34600000001",
    };

    [Fact]
    public async Task Should_book_the_demo_and_return_the_booking_and_its_times()
    {
        _cal.Given(Request.Create().WithPath("/v2/bookings").UsingPost()).RespondWith(Response.Create().WithStatusCode(201).WithBodyAsJson(new
        {
            status = "success",
            data = new { id = 9001, uid = "bk_1", start = "2026-12-01T15:30:00.000Z", end = "2026-12-01T16:00:00.000Z" },
        }));

        var variables = Tasks.Completed(await Create().HandleAsync(Tasks.Create("calcom-create-event", Lead()), default));

        Assert.Equal("bk_1", variables["bookingUid"]!.GetValue<string>());
        Assert.Equal(9001, variables["bookingId"]!.GetValue<long>());
        Assert.Equal(DateTimeOffset.Parse("2026-12-01T16:00:00Z"), variables["demoEndsAt"]!.GetValue<DateTimeOffset>());
        var request = Stubs.Single(_cal, "POST", "/v2/bookings");
        Assert.Equal("Bearer cal_live_1", Stubs.Header(request, "Authorization"));
        Assert.Equal("2024-08-13", Stubs.Header(request, "cal-api-version"));
        var body = Stubs.Json(request);
        Assert.Equal("2026-12-01T15:30:00Z", body["start"]!.GetValue<string>());
        Assert.Equal(77, body["eventTypeId"]!.GetValue<int>());
        Assert.Equal("ana@example.com", body["attendee"]!["email"]!.GetValue<string>());
        Assert.Equal("UTC", body["attendee"]!["timeZone"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_throw_booking_failed_when_the_slot_is_refused()
    {
        _cal.Given(Request.Create().WithPath("/v2/bookings").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithBody("{\"status\":\"error\",\"error\":{\"message\":\"User either already has booking at this time or is not available\"}}"));

        var outcome = await Create().HandleAsync(Tasks.Create("calcom-create-event", Lead()), default);

        var error = Assert.IsType<TaskOutcome.BpmnErrorThrown>(outcome);
        Assert.Equal("BOOKING_FAILED", error.Code);
        Assert.Contains("already has booking", error.Message);
    }

    [Fact]
    public async Task Should_fail_with_the_models_retries_when_cal_com_is_down_and_without_retries_when_unconfigured()
    {
        _cal.Given(Request.Create().WithPath("/v2/bookings").UsingPost()).RespondWith(Response.Create().WithStatusCode(502));

        var down = await Create().HandleAsync(Tasks.Create("calcom-create-event", Lead()), default);
        var unconfigured = await Create(key: null).HandleAsync(Tasks.Create("calcom-create-event", Lead()), default);

        Assert.Null(Tasks.Failed(down).Retries);
        Assert.Equal("Cal.com API key (Bpm:Integrations:CalCom:ApiKey) not configured", Tasks.Failed(unconfigured).Message);
        Assert.Equal(0, Tasks.Failed(unconfigured).Retries);
    }

    [Fact]
    public async Task Should_cancel_the_booking_with_the_failure_as_reason()
    {
        _cal.Given(Request.Create().WithPath("/v2/bookings/bk_1/cancel").UsingPost())
            .RespondWith(Response.Create().WithBodyAsJson(new { status = "success", data = new { uid = "bk_1", status = "cancelled" } }));

        var outcome = await new CalComCancelEventHandler(new CalComClient(new HttpClient(), Options())).HandleAsync(
            Tasks.Create("calcom-cancel-event", new() { ["bookingUid"] = "bk_1", ["failureMessage"] = "HubSpot refused the contact" }), default);

        Assert.True(Tasks.Completed(outcome)["calendarEventCancelled"]!.GetValue<bool>());
        var body = Stubs.Json(Stubs.Single(_cal, "POST", "/v2/bookings/bk_1/cancel"));
        Assert.Equal("HubSpot refused the contact", body["cancellationReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_have_nothing_to_cancel_when_no_booking_was_made()
    {
        var outcome = await new CalComCancelEventHandler(new CalComClient(new HttpClient(), Options())).HandleAsync(
            Tasks.Create("calcom-cancel-event", new() { ["failureMessage"] = "slot taken" }), default);

        Assert.False(Tasks.Completed(outcome)["calendarEventCancelled"]!.GetValue<bool>());
        Assert.Empty(_cal.LogEntries);
    }
}
