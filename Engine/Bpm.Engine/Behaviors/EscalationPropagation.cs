using Bpm.Engine.Model;
using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors;

/// <summary>
/// Carries an escalation outwards from the token that threw it: to the event sub-processes of each enclosing
/// scope and the escalation boundary events of each enclosing sub-process. An interrupting catcher cancels
/// what it is attached to; a non-interrupting one starts its path and the thrower goes on. An escalation
/// nobody catches changes nothing.
/// </summary>
internal static class EscalationPropagation
{
    /// <returns>True when an interrupting catcher cancelled the thrower.</returns>
    public static bool Throw(CommandContext context, Token thrower, string code)
    {
        for (var inner = thrower; inner is not null; inner = inner.ScopeTokenId is null ? null : context.Instance.FindToken(inner.ScopeTokenId))
        {
            var scopeToken = inner.ScopeTokenId is null ? null : context.Instance.FindToken(inner.ScopeTokenId);
            var scopeId = scopeToken?.NodeId ?? context.Definition.Key;
            var handler = context.Definition.EventSubProcessesOf(scopeId)
                .Select(e => (StartEvent)context.Definition.Node(e.StartEventId))
                .FirstOrDefault(s => s.Escalation is not null && s.Escalation.Catches(code));
            if (handler is not null)
            {
                EventSubProcesses.Trigger(context, scopeToken ?? EventSubProcesses.ProcessScope(context.Instance), handler, () => { });
                return handler.IsInterrupting;
            }
            if (scopeToken is null) return ThrowToCaller(context, code);
            var boundary = context.Definition.BoundaryEventsOf(scopeToken.NodeId).FirstOrDefault(b => b.Escalation is not null && b.Escalation.Catches(code));
            if (boundary is null) continue;
            if (boundary.CancelActivity)
            {
                context.CancelScope(scopeToken.Id);
                context.End(scopeToken, canceled: true);
            }
            context.Enter(boundary.Id, scopeToken.ScopeTokenId, arrivedBy: null);
            return boundary.CancelActivity;
        }
        return ThrowToCaller(context, code);
    }

    /// <summary>
    /// A call activity whose called instance threw an escalation that instance does not catch: the call
    /// activity's own escalation boundary events first, then outwards from the call activity.
    /// </summary>
    /// <returns>True when an interrupting boundary event cancelled the call activity.</returns>
    public static bool ThrowFromCall(CommandContext context, Token callActivity, string code)
    {
        var boundary = context.Definition.BoundaryEventsOf(callActivity.NodeId).FirstOrDefault(b => b.Escalation is not null && b.Escalation.Catches(code));
        if (boundary is null) return Throw(context, callActivity, code);
        if (boundary.CancelActivity)
        {
            context.CancelScope(callActivity.Id);
            context.End(callActivity, canceled: true);
        }
        context.Enter(boundary.Id, callActivity.ScopeTokenId, arrivedBy: null);
        return boundary.CancelActivity;
    }

    /// <summary>Nobody in this instance catches: a called instance hands the escalation to its caller and goes on.</summary>
    private static bool ThrowToCaller(CommandContext context, string code)
    {
        if (context.Instance.SuperTokenId is not null) context.Record(new Runtime.Effects.EscalationThrownToCaller(code));
        return false;
    }
}
