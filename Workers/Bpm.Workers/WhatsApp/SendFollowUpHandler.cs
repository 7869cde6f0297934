using Bpm.Workers.Sdk;

namespace Bpm.Workers.WhatsApp;

/// <summary>Thanks the lead right after the demo and asks how it went.</summary>
public sealed class SendFollowUpHandler(WhatsAppClient client) : ITaskHandler, IActivity
{
    public static ActivityDescriptor Activity { get; } = new(
        "send-follow-up", "Send demo follow-up",
        "Thanks the lead for the demo over WhatsApp and asks for questions.",
        Inputs: [WhatsAppMessage.Phone, WhatsAppMessage.Name],
        Outputs: [new("followUpMessageId", "WhatsApp message id")],
        Category: "WhatsApp");

    public Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken) =>
        WhatsAppMessage.SendAsync(client, task,
            $"{WhatsAppMessage.Greeting(task)}, thank you for joining the demo! Any questions? Just reply to this message.",
            "followUpMessageId", cancellationToken);
}
