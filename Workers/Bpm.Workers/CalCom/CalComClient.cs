using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bpm.Workers.Integrations;
using Microsoft.Extensions.Options;

namespace Bpm.Workers.CalCom;

/// <summary>Cal.com API v2: create a booking (<c>POST /v2/bookings</c>) and cancel one (<c>POST /v2/bookings/{uid}/cancel</c>).</summary>
public sealed class CalComClient(HttpClient http, IOptions<CalComOptions> options)
{
    public const string Service = "Cal.com";

    public Task<CalComBooking> CreateBookingAsync(int eventTypeId, DateTimeOffset start, CalComAttendee attendee, CancellationToken cancellationToken) =>
        HttpResponseChecks.CallAsync(Service, async () =>
        {
            var attendeeJson = new JsonObject { ["name"] = attendee.Name, ["email"] = attendee.Email, ["timeZone"] = attendee.TimeZone };
            if (attendee.PhoneNumber is not null) attendeeJson["phoneNumber"] = attendee.PhoneNumber;
            var body = new JsonObject
            {
                ["start"] = start.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
                ["eventTypeId"] = eventTypeId,
                ["attendee"] = attendeeJson,
            };
            var data = await SendAsync("v2/bookings", body, cancellationToken);
            var uid = data?["uid"]?.ToString()
                ?? throw new IntegrationException(IntegrationFailureKind.Rejected, $"{Service} created a booking but returned no uid", data?.ToJsonString());
            return new CalComBooking(uid, data?["id"]?.GetValue<long>(),
                DateTimeOffset.TryParse(data?["start"]?.ToString(), out var s) ? s : start,
                DateTimeOffset.TryParse(data?["end"]?.ToString(), out var e) ? e : null);
        }, cancellationToken);

    public Task CancelBookingAsync(string uid, string reason, CancellationToken cancellationToken) =>
        HttpResponseChecks.CallAsync(Service, () =>
            SendAsync($"v2/bookings/{Uri.EscapeDataString(uid)}/cancel", new JsonObject { ["cancellationReason"] = reason }, cancellationToken),
            cancellationToken);

    private async Task<JsonNode?> SendAsync(string path, JsonObject body, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var key = Endpoint.Require(o.ApiKey, $"Cal.com API key ({CalComOptions.Section}:ApiKey)");
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint.Combine(o.BaseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Headers.Add("cal-api-version", o.ApiVersion);
        request.Content = JsonContent.Create(body);
        using var response = await http.SendAsync(request, cancellationToken);
        await response.EnsureSuccessAsync(Service, cancellationToken);
        var json = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return json?["data"];
    }
}
