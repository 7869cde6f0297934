using System.Text.Json.Nodes;
using Bpm.Workers.Integrations;
using Bpm.Workers.Sdk;

namespace Bpm.Workers.Processes;

/// <summary>
/// Starts the demo follow-ups process (reminders before the demo, follow-up and re-engagement after it) for a
/// booked demo, passing on the lead's contact and the demo's times.
/// </summary>
public sealed class StartDemoRemindersHandler(EngineProcessClient engine) : ITaskHandler, IActivity
{
    public const string FollowUpsProcess = "demo-follow-ups";
    private static readonly string[] Passed = ["demoAt", "demoEndsAt", "name", "phone", "email", "bookingUid", "appointmentId"];

    public static ActivityDescriptor Activity { get; } = new(
        "start-demo-reminders", "Start demo reminders",
        "Starts the 'demo-follow-ups' process for the booked demo.",
        Inputs: [new("demoAt", "Demo start", Required: true), new("demoEndsAt", "Demo end", Required: true), new("phone", "Phone", Required: true), new("name", "Name")],
        Outputs: [new("followUpsInstanceId", "Follow-ups instance id")],
        Category: "Processes");

    public async Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken)
    {
        task.Get<DateTimeOffset>("demoAt");
        task.Get<DateTimeOffset>("demoEndsAt");
        task.Get<string>("phone");
        var variables = new JsonObject();
        foreach (var name in Passed)
            if (task.Variables[name] is { } value) variables[name] = value.DeepClone();
        try
        {
            var id = await engine.StartAsync(FollowUpsProcess, task.BusinessKey ?? task.ProcessInstanceId, variables, cancellationToken);
            return TaskOutcome.Complete(new { followUpsInstanceId = id });
        }
        catch (IntegrationException e)
        {
            return e.ToOutcome();
        }
    }
}
