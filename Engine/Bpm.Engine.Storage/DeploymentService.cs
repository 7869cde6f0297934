using System.Security.Cryptography;
using System.Text;
using Bpm.Engine.Errors;
using Bpm.Engine.Model;
using Bpm.Engine.Parsing;
using Bpm.Engine.Storage.Entities;
using Bpm.Engine.Timers;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Storage;

/// <summary>
/// Deploys BPMN resources: every resource must parse, or nothing is deployed. Each executable process
/// becomes a new version of its key; with duplicate filtering an unchanged process is not deployed again.
/// </summary>
public sealed class DeploymentService(IDbContextFactory<BpmDbContext> contexts, DefinitionCache cache, TimeProvider time)
{
    private readonly BpmnParser _parser = new();

    public async Task<DeploymentResult> DeployAsync(DeploymentRequest request, CancellationToken cancellationToken)
    {
        if (request.Resources.Count == 0) throw EngineException.Invalid("A deployment needs at least one resource");
        var errors = new Dictionary<string, IReadOnlyList<ParseError>>();
        var processes = new List<(string Resource, string Xml, string Hash, ProcessDefinition Definition)>();
        foreach (var resource in request.Resources)
        {
            if (!IsBpmn(resource.Name)) continue;
            var result = _parser.Parse(new MemoryStream(resource.Content));
            if (!result.IsSuccess)
            {
                errors[resource.Name] = result.Errors;
                continue;
            }
            var xml = Encoding.UTF8.GetString(resource.Content).TrimStart('\uFEFF');
            var hash = Convert.ToHexString(SHA256.HashData(resource.Content));
            processes.AddRange(result.Processes.Select(p => (resource.Name, xml, hash, p)));
        }
        if (errors.Count > 0) throw new DeploymentRejectedException(errors);
        if (processes.Count == 0) throw EngineException.Invalid("The deployment contains no BPMN resource (*.bpmn or *.bpmn20.xml)");
        var duplicateKeys = processes.GroupBy(p => p.Definition.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicateKeys.Count > 0) throw EngineException.Invalid($"The deployment contains process '{duplicateKeys[0]}' more than once");

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await InsertAsync(request, processes, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another node deployed a version of the same key at the same moment: number again.
            }
        }
    }

    private async Task<DeploymentResult> InsertAsync(
        DeploymentRequest request, List<(string Resource, string Xml, string Hash, ProcessDefinition Definition)> processes, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var keys = processes.Select(p => p.Definition.Key).ToList();
        var latest = (await db.ProcessDefinitions.AsNoTracking().Where(d => keys.Contains(d.Key)).ToListAsync(cancellationToken))
            .GroupBy(d => d.Key)
            .ToDictionary(g => g.Key, g => g.MaxBy(d => d.Version)!);

        var toDeploy = processes;
        if (request.EnableDuplicateFiltering)
        {
            bool Unchanged((string Resource, string Xml, string Hash, ProcessDefinition Definition) p) =>
                latest.TryGetValue(p.Definition.Key, out var previous) && previous.ContentHash == p.Hash;
            if (processes.All(Unchanged))
            {
                var existing = await db.Deployments.AsNoTracking().SingleAsync(d => d.Id == latest[processes[0].Definition.Key].DeploymentId, cancellationToken);
                return new DeploymentResult(existing, []);
            }
            if (request.DeployChangedOnly) toDeploy = processes.Where(p => !Unchanged(p)).ToList();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var deployment = new DeploymentRow
        {
            Id = Guid.NewGuid().ToString(),
            Name = request.Name,
            Source = request.Source,
            TenantId = request.TenantId,
            DeploymentTime = now,
        };
        db.Deployments.Add(deployment);
        var rows = new List<ProcessDefinitionRow>();
        foreach (var (resource, xml, hash, definition) in toDeploy)
        {
            var version = latest.TryGetValue(definition.Key, out var previous) ? previous.Version + 1 : 1;
            var row = new ProcessDefinitionRow
            {
                Id = $"{definition.Key}:{version}:{Guid.NewGuid()}",
                Key = definition.Key,
                Version = version,
                Name = definition.Name,
                DeploymentId = deployment.Id,
                ResourceName = resource,
                Xml = xml,
                ContentHash = hash,
                DeploymentTime = now,
            };
            rows.Add(row);
            db.ProcessDefinitions.Add(row);
            await ScheduleTimerStartsAsync(db, row, definition, now, cancellationToken);
            await SubscribeMessageStartsAsync(db, row, definition, now, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var (row, process) in rows.Zip(toDeploy)) cache.Add(row.Id, process.Definition);
        return new DeploymentResult(deployment, rows);
    }

    /// <summary>The new version's timer start events replace those of every earlier version of the key.</summary>
    private static async Task ScheduleTimerStartsAsync(BpmDbContext db, ProcessDefinitionRow row, ProcessDefinition definition, DateTime now, CancellationToken cancellationToken)
    {
        await db.Jobs.Where(j => j.Kind == JobRow.TimerStart && j.DefinitionKey == row.Key).ExecuteDeleteAsync(cancellationToken);
        foreach (var start in definition.TimerStartEvents)
        {
            if (!StartTimer.TryFirst(start.Timer!, new DateTimeOffset(now), out var schedule, out var error))
                throw EngineException.Invalid($"The timer of start event '{start.Id}' cannot be scheduled: {error}");
            db.Jobs.Add(new JobRow
            {
                Id = Guid.NewGuid().ToString(),
                Kind = JobRow.TimerStart,
                DefinitionId = row.Id,
                DefinitionKey = row.Key,
                ElementId = start.Id,
                DueAt = schedule!.Due.UtcDateTime,
                Repetitions = schedule.Remaining,
                CreateTime = now,
            });
        }
    }

    /// <summary>Only the latest version of a process is started by its messages and signals.</summary>
    private static async Task SubscribeMessageStartsAsync(BpmDbContext db, ProcessDefinitionRow row, ProcessDefinition definition, DateTime now, CancellationToken cancellationToken)
    {
        await db.MessageSubscriptions.Where(m => m.ProcessInstanceId == null && m.DefinitionKey == row.Key).ExecuteDeleteAsync(cancellationToken);
        var starts = definition.SignalStartEvents.Select(s => (s.Id, MessageSubscriptionRow.SignalKind, s.Signal!.SignalName))
            .Concat(definition.MessageStartEvents.Select(s => (s.Id, MessageSubscriptionRow.MessageKind, s.Message!.MessageName)));
        foreach (var (elementId, kind, name) in starts)
        {
            db.MessageSubscriptions.Add(new MessageSubscriptionRow
            {
                Id = Guid.NewGuid().ToString(),
                DefinitionId = row.Id,
                DefinitionKey = row.Key,
                ElementId = elementId,
                Kind = kind,
                MessageName = name,
                CreateTime = now,
            });
        }
    }

    private static bool IsBpmn(string name) =>
        name.EndsWith(".bpmn", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".bpmn20.xml", StringComparison.OrdinalIgnoreCase);
}
