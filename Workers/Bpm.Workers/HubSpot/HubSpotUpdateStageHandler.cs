using Bpm.Workers.Integrations;
using Bpm.Workers.Sdk;
using Microsoft.Extensions.Options;

namespace Bpm.Workers.HubSpot;

/// <summary>
/// Upserts the lead as a HubSpot contact and sets its stage. Inside the booking saga, a refused upsert throws
/// <c>BOOKING_FAILED</c>.
/// </summary>
public sealed class HubSpotUpdateStageHandler(HubSpotClient hubSpot, IOptions<HubSpotOptions> options) : ITaskHandler, IActivity
{
    public static ActivityDescriptor Activity { get; } = new(
        "hubspot-update-stage", "Update HubSpot lead stage",
        "Creates or updates the lead's HubSpot contact (by email) with its name, phone and stage.",
        Inputs: [new("email", "Email", Required: true), new("name", "Name"), new("phone", "Phone"), new("stage", "Stage")],
        Outputs: [new("hubspotContactId", "HubSpot contact id"), new("leadStage", "Stage set")],
        Category: "HubSpot");

    public async Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var stage = task.GetOrDefault("stage", o.DefaultStage);
        var properties = new Dictionary<string, string> { [o.StageProperty] = stage };
        if (task.GetOrDefault<string?>("name", null) is { Length: > 0 } name)
        {
            var space = name.IndexOf(' ');
            properties["firstname"] = space < 0 ? name : name[..space];
            if (space > 0) properties["lastname"] = name[(space + 1)..];
        }
        if (task.GetOrDefault<string?>("phone", null) is { Length: > 0 } phone) properties["phone"] = phone;
        try
        {
            var id = await hubSpot.UpsertContactAsync(task.Get<string>("email"), properties, cancellationToken);
            return TaskOutcome.Complete(new { hubspotContactId = id, leadStage = stage });
        }
        catch (IntegrationException e)
        {
            return e.ToOutcome("BOOKING_FAILED");
        }
    }
}
