using Bpm.Workers.Integrations;
using Bpm.Workers.Sdk;

namespace Bpm.Workers.Cases;

/// <summary>Stores a call's summary (delivered by the <c>call-summary</c> message) in the case's interaction log.</summary>
public sealed class SyncCallSummaryHandler(CaseStore cases) : ITaskHandler, IActivity
{
    public static ActivityDescriptor Activity { get; } = new(
        "sync-call-summary", "Sync call summary",
        "Writes the call's summary to the interaction log of its case and marks the case called.",
        Inputs: [new("case", "Case", Required: true), new("callSid", "Call sid", Required: true), new("summary", "Summary", ActivityFieldType.Text)],
        Outputs: [new("summarySynced", "Summary synced", ActivityFieldType.Boolean)],
        Category: "Cases");

    public async Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken)
    {
        var reference = CaseReference.From(task);
        var callSid = task.Get<string>("callSid");
        var summary = task.GetOrDefault<string?>("summary", null);
        try
        {
            await cases.RecordCallAsync(reference.CaseId, callSid, "summarized", summary, "called", cancellationToken);
            return TaskOutcome.Complete(new { summarySynced = true });
        }
        catch (IntegrationException e)
        {
            return e.ToOutcome();
        }
    }
}
