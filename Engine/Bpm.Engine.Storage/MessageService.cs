using System.Text.Json.Nodes;
using Bpm.Engine.Errors;
using Bpm.Engine.Runtime;
using Bpm.Engine.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bpm.Engine.Storage;

/// <summary>
/// Correlates messages: to instances waiting for them (by name, correlation key, business key, process
/// variables or instance id) and, when none waits, to message start events. A message that matches nobody is
/// an error unless it has a time to live: then it is kept and delivered to a subscription opened in time.
/// A message id makes publishing idempotent.
/// </summary>
public sealed class MessageService(
    IDbContextFactory<BpmDbContext> contexts,
    InstanceCommandExecutor executor,
    DefinitionCache definitions,
    ProcessRuntime runtime,
    TimeProvider time)
{
    public async Task<IReadOnlyList<MessageCorrelation>> CorrelateAsync(MessageRequest message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(message.MessageName)) throw EngineException.Invalid("messageName is required");
        if (message.TimeToLive < TimeSpan.Zero) throw EngineException.Invalid("timeToLive must not be negative");
        if (message.MessageId is not null && await ReceivedAsync(message.MessageId, cancellationToken)) return [];

        var waiting = await WaitingAsync(message, cancellationToken);
        if (waiting.Count > 0)
        {
            if (waiting.Count > 1 && !message.All)
                throw EngineException.Invalid($"Cannot correlate message '{message.MessageName}': {waiting.Count} executions match; correlate with all = true or narrow the match");
            var results = new List<MessageCorrelation>();
            foreach (var subscription in waiting) results.Add(await DeliverAsync(subscription, message, cancellationToken));
            return results;
        }
        var starts = await StartsAsync(message, cancellationToken);
        if (starts.Count > 0)
        {
            if (starts.Count > 1 && !message.All)
                throw EngineException.Invalid($"Cannot correlate message '{message.MessageName}': {starts.Count} process definitions start with it");
            var results = new List<MessageCorrelation>();
            foreach (var start in starts) results.Add(await StartAsync(start, message, cancellationToken));
            return results;
        }
        if (message.TimeToLive is { } ttl && ttl > TimeSpan.Zero)
        {
            await BufferAsync(message, ttl, cancellationToken);
            return [];
        }
        throw EngineException.Invalid($"Cannot correlate message '{message.MessageName}': no process definition or execution matches the parameters");
    }

    /// <summary>Hands buffered messages to subscriptions opened since, and forgets the expired ones.</summary>
    public async Task<int> DeliverBufferedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        await db.MessageBuffer.Where(b => b.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var buffered = await db.MessageBuffer.AsNoTracking()
            .Where(b => db.MessageSubscriptions.Any(s => s.MessageName == b.MessageName && s.Kind == MessageSubscriptionRow.MessageKind && s.ProcessInstanceId != null))
            .OrderBy(b => b.CreateTime).Take(100).ToListAsync(cancellationToken);
        var delivered = 0;
        foreach (var row in buffered)
        {
            var message = new MessageRequest(row.MessageName, row.BusinessKey, row.CorrelationKey,
                ProcessVariables: JsonNode.Parse(row.Variables)!.AsObject(), MessageId: row.MessageId);
            var subscription = (await WaitingAsync(message, cancellationToken)).FirstOrDefault();
            if (subscription is null) continue;
            await DeliverAsync(subscription, message, cancellationToken, consumeBuffered: row.Id);
            delivered++;
        }
        return delivered;
    }

    /// <summary>
    /// Broadcasts a signal to every instance waiting for it and every process it starts. Each receiver changes
    /// in its own transaction; one that ended or moved on meanwhile is skipped.
    /// </summary>
    /// <returns>How many instances received or were started by the signal.</returns>
    public async Task<int> BroadcastSignalAsync(string signalName, JsonObject? variables, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(signalName)) throw EngineException.Invalid("The signal needs a name");
        List<MessageSubscriptionRow> receivers;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            receivers = await db.MessageSubscriptions.AsNoTracking()
                .Where(s => s.Kind == MessageSubscriptionRow.SignalKind && s.MessageName == signalName)
                .OrderBy(s => s.CreateTime).ToListAsync(cancellationToken);
        }
        var reached = 0;
        foreach (var receiver in receivers)
        {
            var signal = new MessageRequest(signalName, ProcessVariables: variables);
            try
            {
                if (receiver.ProcessInstanceId is null) await StartAsync(receiver, signal, cancellationToken);
                else await DeliverAsync(receiver, signal, cancellationToken);
                reached++;
            }
            catch (EngineException e) when (e.Kind is EngineErrorKind.Conflict or EngineErrorKind.NotFound or EngineErrorKind.Suspended)
            {
            }
        }
        return reached;
    }

    /// <summary>Broadcasts the signals instances threw, oldest first, and removes them from the outbox.</summary>
    public async Task<int> DispatchThrownSignalsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var thrown = await db.SignalOutbox.AsNoTracking().OrderBy(s => s.CreateTime).Take(100).ToListAsync(cancellationToken);
        foreach (var signal in thrown)
        {
            await BroadcastSignalAsync(signal.SignalName, null, cancellationToken);
            await db.SignalOutbox.Where(s => s.Id == signal.Id).ExecuteDeleteAsync(cancellationToken);
        }
        return thrown.Count;
    }

    private async Task<List<MessageSubscriptionRow>> WaitingAsync(MessageRequest message, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.MessageSubscriptions.AsNoTracking()
            .Where(s => s.ProcessInstanceId != null && s.Kind == MessageSubscriptionRow.MessageKind && s.MessageName == message.MessageName);
        // A message that names a correlation key reaches subscriptions with that key (or none); one that names
        // none is matched by the Camunda 7 criteria alone.
        if (message.CorrelationKey is not null) query = query.Where(s => s.CorrelationKey == null || s.CorrelationKey == message.CorrelationKey);
        if (message.BusinessKey is not null) query = query.Where(s => s.BusinessKey == message.BusinessKey);
        if (message.ProcessInstanceId is not null) query = query.Where(s => s.ProcessInstanceId == message.ProcessInstanceId);
        var candidates = await query.OrderBy(s => s.CreateTime).Take(1000).ToListAsync(cancellationToken);
        if (message.CorrelationKeys is not { Count: > 0 } keys || candidates.Count == 0) return candidates;

        // Camunda 7 correlation keys: process variables that must hold exactly these values.
        var ids = candidates.Select(c => c.ProcessInstanceId!).Distinct().ToList();
        var instances = await db.ProcessInstances.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        return candidates.Where(c =>
        {
            var variables = InstanceDocument.Read(instances[c.ProcessInstanceId!]).Variables;
            return keys.All(k => variables.TryGetPropertyValue(k.Key, out var value) && JsonNode.DeepEquals(value, k.Value));
        }).ToList();
    }

    private async Task<List<MessageSubscriptionRow>> StartsAsync(MessageRequest message, CancellationToken cancellationToken)
    {
        if (message.ProcessInstanceId is not null || message.CorrelationKeys is { Count: > 0 }) return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MessageSubscriptions.AsNoTracking()
            .Where(s => s.ProcessInstanceId == null && s.Kind == MessageSubscriptionRow.MessageKind && s.MessageName == message.MessageName)
            .ToListAsync(cancellationToken);
    }

    private async Task<MessageCorrelation> DeliverAsync(MessageSubscriptionRow subscription, MessageRequest message, CancellationToken cancellationToken, string? consumeBuffered = null)
    {
        var result = await executor.ExecuteAsync(
            async (db, ct) =>
            {
                if (!await db.MessageSubscriptions.AnyAsync(s => s.Id == subscription.Id, ct))
                    throw EngineException.Conflict($"Message subscription '{subscription.Id}' was closed meanwhile");
                if (message.MessageId is not null) db.MessageReceipts.Add(new MessageReceiptRow { MessageId = message.MessageId, ReceivedAt = time.GetUtcNow().UtcDateTime });
                if (consumeBuffered is not null) await db.MessageBuffer.Where(b => b.Id == consumeBuffered).ExecuteDeleteAsync(ct);
                return subscription.ProcessInstanceId!;
            },
            (definition, instance) => runtime.CorrelateMessage(definition, instance, subscription.Id, message.ProcessVariables),
            cancellationToken);
        return new MessageCorrelation("Execution", result.Instance.Id, result.Instance.DefinitionId, result.Instance.BusinessKey);
    }

    private async Task<MessageCorrelation> StartAsync(MessageSubscriptionRow start, MessageRequest message, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var definition = await definitions.GetAsync(db, start.DefinitionId, cancellationToken);
        var result = runtime.StartAt(definition, start.DefinitionId, start.ElementId, message.BusinessKey, message.ProcessVariables);
        if (message.MessageId is not null) db.MessageReceipts.Add(new MessageReceiptRow { MessageId = message.MessageId, ReceivedAt = time.GetUtcNow().UtcDateTime });
        var work = await executor.AddAsync(db, result, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        executor.AfterCommit(work);
        return new MessageCorrelation("ProcessDefinition", result.Instance.Id, start.DefinitionId, message.BusinessKey);
    }

    private async Task BufferAsync(MessageRequest message, TimeSpan ttl, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        db.MessageBuffer.Add(new MessageBufferRow
        {
            Id = Guid.NewGuid().ToString(),
            MessageName = message.MessageName,
            CorrelationKey = message.CorrelationKey,
            BusinessKey = message.BusinessKey,
            MessageId = message.MessageId,
            Variables = (message.ProcessVariables ?? []).ToJsonString(),
            ExpiresAt = now + ttl,
            CreateTime = now,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<bool> ReceivedAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MessageReceipts.AnyAsync(r => r.MessageId == messageId, cancellationToken)
            || await db.MessageBuffer.AnyAsync(b => b.MessageId == messageId, cancellationToken);
    }
}
