using Bpm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Storage.Telemetry;

/// <summary>Counts the open incidents of the whole database by type, every known type included (with 0).</summary>
public sealed class IncidentCensus(IDbContextFactory<BpmDbContext> contexts)
{
    private static readonly string[] KnownTypes =
        [IncidentTypes.FailedExternalTask, IncidentTypes.FailedExpression, IncidentTypes.FailedScript, IncidentTypes.UnhandledBpmnError];

    public async Task<IReadOnlyDictionary<string, long>> CountOpenAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await db.Incidents.AsNoTracking()
            .GroupBy(i => i.IncidentType)
            .Select(g => new { Type = g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(g => g.Type, g => g.Count, cancellationToken);
        foreach (var type in KnownTypes) counts.TryAdd(type, 0);
        return counts;
    }
}
