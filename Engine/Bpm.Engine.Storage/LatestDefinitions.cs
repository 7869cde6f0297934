using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Storage;

/// <summary>
/// The latest version of each process key that the starts of one transaction name, once per key: a group of starts of
/// the same process asks once. Read in the transaction, each start sees every deployment and suspension committed
/// before it was asked for; recalled from a <see cref="LatestDefinitionMemory"/>, it is one of the transaction's
/// <see cref="Assumed"/> versions, which its writes check.
/// </summary>
/// <param name="memory">Where what is read is remembered; null on a database that is asked at no cost (SQLite).</param>
/// <param name="recall">Whether to take versions from <paramref name="memory"/> instead of reading them.</param>
internal sealed class LatestDefinitions(BpmDbContext db, LatestDefinitionMemory? memory = null, bool recall = false)
{
    private static readonly Func<BpmDbContext, string, CancellationToken, Task<LatestDefinition?>> ByKey =
        EF.CompileAsyncQuery((BpmDbContext db, string key, CancellationToken _) => db.ProcessDefinitions.AsNoTracking()
            .Where(d => d.Key == key)
            .OrderByDescending(d => d.Version)
            .Select(d => new LatestDefinition(d.Id, d.Suspended))
            .FirstOrDefault());

    private readonly Dictionary<string, LatestDefinition?> _read = new(StringComparer.Ordinal);
    private readonly List<(string Key, string Id)> _assumed = [];

    /// <summary>The versions taken from memory, by key: the transaction may commit only while each is still the latest of its key, and not suspended.</summary>
    public IReadOnlyList<(string Key, string Id)> Assumed => _assumed;

    /// <returns>Null when no version of <paramref name="key"/> is deployed.</returns>
    public async Task<LatestDefinition?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (_read.TryGetValue(key, out var latest)) return latest;
        if (recall && memory?.Recall(key) is { } known)
        {
            _assumed.Add((key, known.Id));
            return _read[key] = known;
        }
        _read[key] = latest = await ByKey(db, key, cancellationToken);
        memory?.Remember(key, latest);
        return latest;
    }
}
