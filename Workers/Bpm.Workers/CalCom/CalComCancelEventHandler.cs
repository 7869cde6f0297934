using Bpm.Workers.Integrations;
using Bpm.Workers.Sdk;

namespace Bpm.Workers.CalCom;

/// <summary>Cancels the Cal.com booking the saga made (a compensation); when none was made there is nothing to undo.</summary>
public sealed class CalComCancelEventHandler(CalComClient calCom) : ITaskHandler, IActivity
{
    public static ActivityDescriptor Activity { get; } = new(
        "calcom-cancel-event", "Cancel Cal.com booking",
        "Cancels the demo's Cal.com booking, giving the failure as the reason; does nothing when no booking was made.",
        Inputs: [new("bookingUid", "Booking uid"), new("failureMessage", "Reason")],
        Outputs: [new("calendarEventCancelled", "Booking cancelled", ActivityFieldType.Boolean)],
        Category: "Cal.com");

    public async Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken)
    {
        var uid = task.GetOrDefault<string?>("bookingUid", null);
        if (string.IsNullOrEmpty(uid)) return TaskOutcome.Complete(new { calendarEventCancelled = false });
        var reason = task.GetOrDefault("failureMessage", "The booking could not be completed");
        try
        {
            await calCom.CancelBookingAsync(uid, reason, cancellationToken);
            return TaskOutcome.Complete(new { calendarEventCancelled = true });
        }
        catch (IntegrationException e)
        {
            return e.ToOutcome();
        }
    }
}
