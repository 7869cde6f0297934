using Bpm.Workers.Sdk;

namespace Bpm.Workers.WhatsApp;

/// <summary>Reminds the lead of the demo: the day before, or shortly before it starts.</summary>
public sealed class SendDemoReminderHandler(WhatsAppClient client, TimeProvider time) : ITaskHandler, IActivity
{
    public static ActivityDescriptor Activity { get; } = new(
        "send-demo-reminder", "Send demo reminder",
        "Reminds the lead of the demo over WhatsApp (the text says how long until it starts).",
        Inputs: [WhatsAppMessage.Phone, WhatsAppMessage.Name, new("demoAt", "Demo start (ISO 8601)", Required: true)],
        Outputs: [new("reminderMessageId", "WhatsApp message id")],
        Category: "WhatsApp");

    public Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken)
    {
        var left = task.Get<DateTimeOffset>("demoAt") - time.GetUtcNow();
        var soon = left <= TimeSpan.FromHours(2)
            ? $"your demo starts in {Math.Max(1, (int)Math.Round(left.TotalMinutes))} minutes"
            : $"a reminder that your demo is on {WhatsAppMessage.When(task, "demoAt")}";
        return WhatsAppMessage.SendAsync(client, task, $"{WhatsAppMessage.Greeting(task)}, {soon}.", "reminderMessageId", cancellationToken);
    }
}
