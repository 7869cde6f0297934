using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Storage;

/// <summary>
/// The latest version of each process key that the starts of one transaction name, read in that transaction once per
/// key: a group of starts of the same process asks the database once, and each start still sees every deployment and
/// suspension committed before it was asked for.
/// </summary>
internal sealed class LatestDefinitions(BpmDbContext db)
{
    private static readonly Func<BpmDbContext, string, CancellationToken, Task<LatestDefinition?>> ByKey =
        EF.CompileAsyncQuery((BpmDbContext db, string key, CancellationToken _) => db.ProcessDefinitions.AsNoTracking()
            .Where(d => d.Key == key)
            .OrderByDescending(d => d.Version)
            .Select(d => new LatestDefinition(d.Id, d.Suspended))
            .FirstOrDefault());

    private readonly Dictionary<string, LatestDefinition?> _read = new(StringComparer.Ordinal);

    /// <returns>Null when no version of <paramref name="key"/> is deployed.</returns>
    public async Task<LatestDefinition?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!_read.TryGetValue(key, out var latest)) _read[key] = latest = await ByKey(db, key, cancellationToken);
        return latest;
    }
}
