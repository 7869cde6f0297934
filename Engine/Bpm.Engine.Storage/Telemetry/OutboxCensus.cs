using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Storage.Telemetry;

/// <summary>
/// How long service tasks have been waiting for a worker, by topic: the age of the oldest task that could be
/// handed out now (unlocked or lock expired, not suspended, no retry wait) — the lag of the task outbox.
/// </summary>
public sealed class OutboxCensus(IDbContextFactory<BpmDbContext> contexts, TimeProvider time)
{
    public async Task<IReadOnlyDictionary<string, double>> OldestWaitingAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var oldest = await db.ExternalTasks.AsNoTracking()
            .Where(t => !t.Suspended && (t.LockExpiration == null || t.LockExpiration <= now) && (t.AvailableFrom == null || t.AvailableFrom <= now))
            .GroupBy(t => t.Topic)
            .Select(g => new { Topic = g.Key, Oldest = g.Min(t => t.CreateTime) })
            .ToListAsync(cancellationToken);
        return oldest.ToDictionary(o => o.Topic, o => Math.Max(0, (now - o.Oldest).TotalSeconds));
    }
}
