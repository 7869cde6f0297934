namespace Bpm.Workers.CalCom;

/// <summary>The <c>Bpm:Integrations:CalCom</c> section: the Cal.com API v2 and the event type demos are booked on.</summary>
public sealed class CalComOptions
{
    public const string Section = "Bpm:Integrations:CalCom";

    public string BaseUrl { get; set; } = "https://api.cal.com";
    public string? ApiKey { get; set; }

    /// <summary>The event type of a demo; a task's <c>eventTypeId</c> variable overrides it.</summary>
    public int? EventTypeId { get; set; }

    /// <summary>The <c>cal-api-version</c> header of the bookings endpoints.</summary>
    public string ApiVersion { get; set; } = "2024-08-13";

    /// <summary>The attendee's time zone when the task names none.</summary>
    public string TimeZone { get; set; } = "UTC";
}
