using System.Collections.Concurrent;

namespace Bpm.Engine.Storage;

/// <summary>
/// The latest version last read for each process key, that groups of starts on PostgreSQL start without asking the
/// database again. What is taken from here is an assumption, never a cache to trust: the group's round trip of writes
/// checks that each version it assumed is still the latest and not suspended (<see cref="PostgreSqlBulkWriter"/>), and
/// a group that finds otherwise writes nothing and runs its starts again on their own, which read the database and
/// remember what they read. A suspended version is never remembered.
/// </summary>
internal sealed class LatestDefinitionMemory
{
    private readonly ConcurrentDictionary<string, LatestDefinition> _known = new(StringComparer.Ordinal);

    public LatestDefinition? Recall(string key) => _known.GetValueOrDefault(key);

    public void Remember(string key, LatestDefinition? latest)
    {
        if (latest is { Suspended: false }) _known[key] = latest;
        else _known.TryRemove(key, out _);
    }
}
