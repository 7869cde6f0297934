using Bpm.Workers.Integrations;
using Bpm.Workers.Sdk;

namespace Bpm.Workers.Appointments;

/// <summary>Marks the instance's appointment cancelled (a compensation of the booking saga).</summary>
public sealed class CancelAppointmentHandler(AppointmentStore appointments) : ITaskHandler, IActivity
{
    public static ActivityDescriptor Activity { get; } = new(
        "cancel-appointment", "Cancel appointment",
        "Marks the demo's appointment cancelled with the failure as the reason; does nothing when none was created.",
        Inputs: [new("failureMessage", "Reason")],
        Outputs: [new("appointmentStatus", "Appointment status")],
        Category: "Appointments");

    public async Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken)
    {
        var reason = task.GetOrDefault("failureMessage", "The booking could not be completed");
        try
        {
            var cancelled = await appointments.CancelAsync(task.ProcessInstanceId, reason, cancellationToken);
            return TaskOutcome.Complete(new { appointmentStatus = cancelled ? "cancelled" : "none" });
        }
        catch (IntegrationException e)
        {
            return e.ToOutcome();
        }
    }
}
