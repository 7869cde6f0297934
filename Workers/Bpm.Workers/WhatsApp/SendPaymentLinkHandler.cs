using Bpm.Workers.Sdk;

namespace Bpm.Workers.WhatsApp;

/// <summary>Sends the checkout link to the payer.</summary>
public sealed class SendPaymentLinkHandler(WhatsAppClient client) : ITaskHandler, IActivity
{
    public static ActivityDescriptor Activity { get; } = new(
        "send-payment-link", "Send payment link",
        "Sends the Stripe checkout link to the payer over WhatsApp.",
        Inputs: [WhatsAppMessage.Phone, WhatsAppMessage.Name, new("checkoutUrl", "Checkout URL", Required: true)],
        Outputs: [new("paymentLinkMessageId", "WhatsApp message id")],
        Category: "WhatsApp");

    public Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken) =>
        WhatsAppMessage.SendAsync(client, task,
            $"{WhatsAppMessage.Greeting(task)}, here is your payment link: {task.Get<string>("checkoutUrl")}",
            "paymentLinkMessageId", cancellationToken);
}
