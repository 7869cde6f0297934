using Bpm.Workers.Sdk;

namespace Bpm.Workers.Cases;

/// <summary>The <c>case</c> variable each call of the case-calls model carries (an element of <c>cases</c>).</summary>
public sealed record CaseReference(string CaseId, string? TenantId, string? DebtorName, string? Phone)
{
    public static CaseReference From(WorkerTask task)
    {
        var reference = task.Get<CaseReference>("case");
        return string.IsNullOrWhiteSpace(reference.CaseId)
            ? throw new TaskVariableException($"Variable 'case' of task type '{task.Topic}' has no caseId")
            : reference;
    }
}
