using Bpm.Workers.Integrations;
using Bpm.Workers.Sdk;

namespace Bpm.Workers.Cases;

/// <summary>Records that no summary of a call arrived in time, so someone can follow the case up.</summary>
public sealed class MarkSummaryMissingHandler(CaseStore cases) : ITaskHandler, IActivity
{
    public static ActivityDescriptor Activity { get; } = new(
        "mark-summary-missing", "Mark call summary missing",
        "Logs the call as having no summary and sets the case's status to summary-missing.",
        Inputs: [new("case", "Case", Required: true), new("callSid", "Call sid", Required: true)],
        Outputs: [new("summaryMissing", "Summary missing", ActivityFieldType.Boolean)],
        Category: "Cases");

    public async Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken)
    {
        var reference = CaseReference.From(task);
        var callSid = task.Get<string>("callSid");
        try
        {
            await cases.RecordCallAsync(reference.CaseId, callSid, "summary-missing", null, "summary-missing", cancellationToken);
            return TaskOutcome.Complete(new { summaryMissing = true });
        }
        catch (IntegrationException e)
        {
            return e.ToOutcome();
        }
    }
}
