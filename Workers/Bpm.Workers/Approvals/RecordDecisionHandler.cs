using Bpm.Workers.Sdk;
using Microsoft.Extensions.Logging;

namespace Bpm.Workers.Approvals;

/// <summary>Records an approval decision: logs it and keeps it, with who decided and when, as process variables.</summary>
public sealed class RecordDecisionHandler(TimeProvider time, ILogger<RecordDecisionHandler> logger) : ITaskHandler, IActivity
{
    public static ActivityDescriptor Activity { get; } = new(
        "record-decision", "Record decision",
        "Records the approval decision (approved, amount, approver) in the instance's variables and the worker's log.",
        Inputs: [new("approved", "Approved", ActivityFieldType.Boolean, Required: true), new("amount", "Amount", ActivityFieldType.Number), new("approver", "Approver")],
        Outputs: [new("decision", "approved or rejected"), new("decidedBy", "Who decided"), new("decisionRecordedAt", "When it was recorded")],
        Category: "Approvals");

    public Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken)
    {
        var approved = task.Get<bool>("approved");
        var amount = task.GetOrDefault<decimal?>("amount", null);
        var decidedBy = task.GetOrDefault("approver", "automatic");
        var decision = approved ? "approved" : "rejected";
        logger.LogInformation("Request {BusinessKey} ({Amount}) {Decision} by {DecidedBy} in instance {ProcessInstanceId}",
            task.BusinessKey, amount, decision, decidedBy, task.ProcessInstanceId);
        return Task.FromResult(TaskOutcome.Complete(new { decision, decidedBy, decisionRecordedAt = time.GetUtcNow() }));
    }
}
