using Bpm.Workers.Integrations;
using Bpm.Workers.Sdk;

namespace Bpm.Workers.Appointments;

/// <summary>Records the booked demo as an appointment (one per process instance, so a retry does not duplicate it).</summary>
public sealed class CreateAppointmentHandler(AppointmentStore appointments) : ITaskHandler, IActivity
{
    public static ActivityDescriptor Activity { get; } = new(
        "create-appointment", "Create appointment",
        "Stores the demo as a scheduled appointment with the lead's contact and the Cal.com booking.",
        Inputs: [new("bookingUid", "Booking uid"), new("name", "Name"), new("email", "Email"), new("phone", "Phone"), new("demoAt", "Demo start")],
        Outputs: [new("appointmentId", "Appointment id"), new("appointmentStatus", "Appointment status")],
        Category: "Appointments");

    public async Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken)
    {
        try
        {
            var id = await appointments.UpsertScheduledAsync(task.ProcessInstanceId,
                task.GetOrDefault<string?>("bookingUid", null), task.GetOrDefault<string?>("name", null),
                task.GetOrDefault<string?>("email", null), task.GetOrDefault<string?>("phone", null),
                task.GetOrDefault<DateTimeOffset?>("demoAt", null), cancellationToken);
            return TaskOutcome.Complete(new { appointmentId = id, appointmentStatus = "scheduled" });
        }
        catch (IntegrationException e)
        {
            return e.ToOutcome("BOOKING_FAILED");
        }
    }
}
