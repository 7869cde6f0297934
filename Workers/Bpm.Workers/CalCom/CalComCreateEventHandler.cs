using Bpm.Workers.Integrations;
using Bpm.Workers.Sdk;
using Microsoft.Extensions.Options;

namespace Bpm.Workers.CalCom;

/// <summary>
/// Books the demo on Cal.com. A booking Cal.com refuses (slot taken, bad attendee) throws <c>BOOKING_FAILED</c>,
/// which the booking saga catches to undo what was done.
/// </summary>
public sealed class CalComCreateEventHandler(CalComClient calCom, IOptions<CalComOptions> options) : ITaskHandler, IActivity
{
    public const string BookingFailed = "BOOKING_FAILED";

    public static ActivityDescriptor Activity { get; } = new(
        "calcom-create-event", "Book demo on Cal.com",
        "Creates a Cal.com booking for the lead; a refused booking throws the BPMN error BOOKING_FAILED.",
        Inputs:
        [
            new("demoAt", "Demo start (ISO 8601)", Required: true), new("name", "Name", Required: true),
            new("email", "Email", Required: true), new("phone", "Phone (E.164)"), new("timeZone", "Time zone"),
            new("eventTypeId", "Event type id", ActivityFieldType.Number),
        ],
        Outputs: [new("bookingUid", "Booking uid"), new("bookingId", "Booking id"), new("demoAt", "Demo start"), new("demoEndsAt", "Demo end")],
        Category: "Cal.com");

    public async Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var eventTypeId = task.GetOrDefault<int?>("eventTypeId", null) ?? o.EventTypeId;
        var attendee = new CalComAttendee(task.Get<string>("name"), task.Get<string>("email"),
            task.GetOrDefault("timeZone", o.TimeZone), task.GetOrDefault<string?>("phone", null));
        var start = task.Get<DateTimeOffset>("demoAt");
        try
        {
            if (eventTypeId is null) throw IntegrationException.NotConfigured($"Cal.com event type ({CalComOptions.Section}:EventTypeId)");
            var booking = await calCom.CreateBookingAsync(eventTypeId.Value, start, attendee, cancellationToken);
            return TaskOutcome.Complete(new
            {
                bookingUid = booking.Uid,
                bookingId = booking.Id,
                demoAt = booking.Start.ToUniversalTime(),
                demoEndsAt = booking.End?.ToUniversalTime(),
            });
        }
        catch (IntegrationException e)
        {
            return e.ToOutcome(BookingFailed);
        }
    }
}
