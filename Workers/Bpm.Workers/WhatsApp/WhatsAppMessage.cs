using Bpm.Workers.Integrations;
using Bpm.Workers.Sdk;

namespace Bpm.Workers.WhatsApp;

/// <summary>What every WhatsApp handler does once it has its text: send it to <c>phone</c> and keep the message id.</summary>
public static class WhatsAppMessage
{
    public static readonly ActivityField Phone = new("phone", "Phone (E.164)", Required: true);
    public static readonly ActivityField Name = new("name", "Name");

    public static async Task<TaskOutcome> SendAsync(
        WhatsAppClient client, WorkerTask task, string text, string messageIdVariable, CancellationToken cancellationToken, string? sagaErrorCode = null)
    {
        var phone = task.Get<string>("phone");
        try
        {
            var id = await client.SendTextAsync(phone, text, cancellationToken);
            return TaskOutcome.Complete(new Dictionary<string, object> { [messageIdVariable] = id });
        }
        catch (IntegrationException e)
        {
            return sagaErrorCode is null ? e.ToOutcome() : e.ToOutcome(sagaErrorCode);
        }
    }

    /// <summary>"Hi Ana" or "Hi" when no name is known.</summary>
    public static string Greeting(WorkerTask task) =>
        task.GetOrDefault<string?>("name", null) is { Length: > 0 } name ? $"Hi {name}" : "Hi";

    /// <summary>A date-time variable written for people: "Tue 24 Nov, 15:30 UTC".</summary>
    public static string When(WorkerTask task, string variable) =>
        task.Get<DateTimeOffset>(variable).ToUniversalTime().ToString("ddd d MMM, HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
