using Bpm.Workers.Sdk;

namespace Bpm.Workers.WhatsApp;

/// <summary>Nudges a lead who said they would look later.</summary>
public sealed class SendNudgeHandler(WhatsAppClient client) : ITaskHandler, IActivity
{
    public static ActivityDescriptor Activity { get; } = new(
        "send-nudge", "Send nudge",
        "Reminds a lead who said \"I'll look later\", over WhatsApp.",
        Inputs: [WhatsAppMessage.Phone, WhatsAppMessage.Name],
        Outputs: [new("nudgeMessageId", "WhatsApp message id")],
        Category: "WhatsApp");

    public Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken) =>
        WhatsAppMessage.SendAsync(client, task,
            $"{WhatsAppMessage.Greeting(task)}, did you get a chance to have a look? Happy to answer any question.",
            "nudgeMessageId", cancellationToken);
}
