using Bpm.Workers.Sdk;

namespace Bpm.Workers.WhatsApp;

/// <summary>Confirms a booked demo over WhatsApp. Inside the booking saga, a refused message throws <c>BOOKING_FAILED</c>.</summary>
public sealed class WhatsAppSendConfirmationHandler(WhatsAppClient client) : ITaskHandler, IActivity
{
    public const string BookingFailed = "BOOKING_FAILED";

    public static ActivityDescriptor Activity { get; } = new(
        "whatsapp-send-confirmation", "Send WhatsApp confirmation",
        "Confirms the booked demo to the lead over WhatsApp; a refused message throws the BPMN error BOOKING_FAILED.",
        Inputs: [WhatsAppMessage.Phone, WhatsAppMessage.Name, new("demoAt", "Demo start (ISO 8601)", Required: true)],
        Outputs: [new("confirmationMessageId", "WhatsApp message id")],
        Category: "WhatsApp");

    public Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken) =>
        WhatsAppMessage.SendAsync(client, task,
            $"{WhatsAppMessage.Greeting(task)}, your demo is booked for {WhatsAppMessage.When(task, "demoAt")}. See you there!",
            "confirmationMessageId", cancellationToken, BookingFailed);
}
