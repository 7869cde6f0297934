using System.Collections.Concurrent;
using Bpm.Engine.Model;
using Bpm.Engine.Parsing;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Storage;

/// <summary>Parsed definitions by id. A deployed definition never changes, so an entry never goes stale.</summary>
public sealed class DefinitionCache
{
    private readonly ConcurrentDictionary<string, ProcessDefinition> _definitions = new();
    private readonly BpmnParser _parser = new();

    public void Add(string id, ProcessDefinition definition) => _definitions.TryAdd(id, definition);

    public async Task<ProcessDefinition> GetAsync(BpmDbContext db, string id, CancellationToken cancellationToken)
    {
        if (_definitions.TryGetValue(id, out var definition)) return definition;
        var row = await db.ProcessDefinitions.AsNoTracking().SingleAsync(d => d.Id == id, cancellationToken);
        var parsed = _parser.Parse(row.Xml);
        definition = parsed.Processes.SingleOrDefault(p => p.Key == row.Key)
            ?? throw new InvalidDataException($"Stored definition '{id}' no longer parses: {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
        _definitions.TryAdd(id, definition);
        return definition;
    }
}
