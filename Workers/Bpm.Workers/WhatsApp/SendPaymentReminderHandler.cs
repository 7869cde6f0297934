using Bpm.Workers.Sdk;

namespace Bpm.Workers.WhatsApp;

/// <summary>Reminds the payer of an unpaid checkout; the last reminder says when the link expires.</summary>
public sealed class SendPaymentReminderHandler(WhatsAppClient client) : ITaskHandler, IActivity
{
    public static ActivityDescriptor Activity { get; } = new(
        "send-payment-reminder", "Send payment reminder",
        "Reminds the payer of the open checkout link over WhatsApp.",
        Inputs: [WhatsAppMessage.Phone, WhatsAppMessage.Name, new("checkoutUrl", "Checkout URL", Required: true)],
        Outputs: [new("paymentReminderMessageId", "WhatsApp message id")],
        Category: "WhatsApp");

    public Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken)
    {
        var last = task.Activation.ActivityId.StartsWith("second", StringComparison.Ordinal);
        var text = last
            ? $"{WhatsAppMessage.Greeting(task)}, your payment link expires in a few hours: {task.Get<string>("checkoutUrl")}"
            : $"{WhatsAppMessage.Greeting(task)}, a friendly reminder that your payment is still open: {task.Get<string>("checkoutUrl")}";
        return WhatsAppMessage.SendAsync(client, task, text, "paymentReminderMessageId", cancellationToken);
    }
}
