using Bpm.Workers.Integrations;
using Bpm.Workers.Sdk;

namespace Bpm.Workers.Cases;

/// <summary>Selects the open debt cases whose call is due and claims them; the model calls each one.</summary>
public sealed class SelectDueCasesHandler(CaseStore cases) : ITaskHandler, IActivity
{
    public static ActivityDescriptor Activity { get; } = new(
        "select-due-cases", "Select cases due for a call",
        "Claims the open debt cases whose next call is due (at most 'limit') and returns them as 'cases'.",
        Inputs: [new("limit", "Most cases per run", ActivityFieldType.Number, DefaultValue: "50")],
        Outputs: [new("cases", "Cases to call (caseId, tenantId, debtorName, phone)")],
        Category: "Cases");

    public async Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken)
    {
        var limit = task.GetOrDefault("limit", 50);
        if (limit < 1) return TaskOutcome.Fail($"Variable 'limit' must be at least 1, was {limit}", retries: 0);
        try
        {
            var due = await cases.ClaimDueAsync(limit, cancellationToken);
            return TaskOutcome.Complete(new System.Text.Json.Nodes.JsonObject { ["cases"] = due });
        }
        catch (IntegrationException e)
        {
            return e.ToOutcome();
        }
    }
}
