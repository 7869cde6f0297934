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
            if (scopeToken is null) return false;
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
        return false;
    }
}
