using Bpm.Workers.Sdk;

namespace Bpm.Workers.WhatsApp;

/// <summary>Re-engages a lead that has not replied; the text grows more final along the 24 h / 60 h / 168 h sequence.</summary>
public sealed class SendReengagementHandler(WhatsAppClient client) : ITaskHandler, IActivity
{
    public static ActivityDescriptor Activity { get; } = new(
        "send-reengagement", "Send re-engagement",
        "Checks in with a lead who has not replied, over WhatsApp; the last message of the sequence says goodbye.",
        Inputs: [WhatsAppMessage.Phone, WhatsAppMessage.Name],
        Outputs: [new("reengagementMessageId", "WhatsApp message id")],
        Category: "WhatsApp");

    public Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken)
    {
        var greeting = WhatsAppMessage.Greeting(task);
        var text = task.Activation.ActivityId.EndsWith("168h", StringComparison.Ordinal)
            ? $"{greeting}, this is our last check-in. If the timing is not right, no problem: reply any time and we will pick it up."
            : $"{greeting}, just checking in after the demo. Would you like to take the next step?";
        return WhatsAppMessage.SendAsync(client, task, text, "reengagementMessageId", cancellationToken);
    }
}
