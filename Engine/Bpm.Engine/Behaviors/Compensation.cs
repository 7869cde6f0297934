using Bpm.Engine.Model;
using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors;

/// <summary>
/// Remembers completed activities that can be undone, and undoes them when a compensation event is thrown in
/// their scope, or in an event sub-process of their scope: their handlers run one after another, newest completion first, while the throw event waits.
/// </summary>
internal static class Compensation
{
    /// <summary>An activity completed: if a compensation boundary event is attached, its handler is remembered.</summary>
    public static void Remember(CommandContext context, Token token)
    {
        var handler = context.Definition.BoundaryEventsOf(token.NodeId).FirstOrDefault(b => b.CompensationHandlerId is not null);
        if (handler is not null) context.Instance.Compensations.Add(new CompensationRecord(token.NodeId, handler.CompensationHandlerId!, token.ScopeTokenId));
    }

    /// <summary>
    /// A sub-process completed. Without a handler of its own, what it did stays undoable from the enclosing
    /// scope (compensating the sub-process undoes its activities, newest first); with one, its handler
    /// stands for all of it.
    /// </summary>
    public static void ScopeCompleted(CommandContext context, Token subProcess)
    {
        var inner = context.Instance.Compensations.Where(r => r.ScopeTokenId == subProcess.Id).ToList();
        if (inner.Count == 0) return;
        var ownHandler = context.Definition.BoundaryEventsOf(subProcess.NodeId).Any(b => b.CompensationHandlerId is not null);
        foreach (var record in inner)
        {
            var index = context.Instance.Compensations.IndexOf(record);
            if (ownHandler) context.Instance.Compensations.RemoveAt(index);
            else context.Instance.Compensations[index] = record with { ScopeTokenId = subProcess.ScopeTokenId, Within = [.. record.Within ?? [], subProcess.NodeId] };
        }
    }

    /// <returns>True when handlers run and the thrower waits for them.</returns>
    public static bool Throw(CommandContext context, Token thrower, CompensationEventDefinition compensation)
    {
        var scope = CompensatedScope(context, thrower);
        var records = context.Instance.Compensations
            .Where(r => r.ScopeTokenId == scope
                && (compensation.ActivityRef is null || r.ActivityId == compensation.ActivityRef || r.Within?.Contains(compensation.ActivityRef) == true))
            .ToList();
        if (records.Count == 0) return false;
        foreach (var record in records) context.Instance.Compensations.Remove(record);
        records.Reverse();
        thrower.State = TokenState.Waiting;
        thrower.PendingCompensations = records.Select(r => r.HandlerId).ToList();
        RunNext(context, thrower);
        return true;
    }

    /// <summary>
    /// The scope whose completed activities a throw undoes: the thrower's own, or, thrown in an event sub-process,
    /// the scope the event sub-process belongs to.
    /// </summary>
    private static string? CompensatedScope(CommandContext context, Token thrower)
    {
        var scope = thrower.ScopeTokenId is { } id ? context.Instance.FindToken(id) : null;
        return scope is not null && context.Definition.Node(scope.NodeId) is EventSubProcess ? scope.ScopeTokenId : thrower.ScopeTokenId;
    }

    /// <summary>A handler finished: run the next, or let the throw event go on.</summary>
    public static void HandlerDone(CommandContext context, Token handler)
    {
        var thrower = context.Instance.FindToken(handler.CompensationThrowerId!);
        context.End(handler, canceled: false);
        if (thrower is not null) RunNext(context, thrower);
    }

    private static void RunNext(CommandContext context, Token thrower)
    {
        var pending = thrower.PendingCompensations!;
        if (pending.Count == 0)
        {
            thrower.PendingCompensations = null;
            thrower.State = TokenState.Running;
            context.Schedule(new Step.Complete(thrower));
            return;
        }
        var next = pending[0];
        pending.RemoveAt(0);
        context.Enter(next, thrower.ScopeTokenId, arrivedBy: null, compensationThrowerId: thrower.Id);
    }
}
