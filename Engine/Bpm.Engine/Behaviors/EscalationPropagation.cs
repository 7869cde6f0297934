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
            if (Boundary(context, scopeToken, code) is { } boundary) return Catch(context, scopeToken, boundary);
        }
        return ThrowToCaller(context, code);
    }

    /// <summary>
    /// A call activity whose called instance threw an escalation that instance does not catch: the call
    /// activity's own escalation boundary events first, then outwards from the call activity.
    /// </summary>
    /// <returns>True when an interrupting boundary event cancelled the call activity.</returns>
    public static bool ThrowFromCall(CommandContext context, Token callActivity, string code) =>
        Boundary(context, callActivity, code) is { } boundary ? Catch(context, callActivity, boundary) : Throw(context, callActivity, code);

    private static BoundaryEvent? Boundary(CommandContext context, Token activity, string code) =>
        context.Definition.BoundaryEventsOf(activity.NodeId).FirstOrDefault(b => b.Escalation is not null && b.Escalation.Catches(code));

    /// <summary>The boundary event catches: an interrupting one cancels the activity with everything inside it.</summary>
    /// <returns>Whether it interrupted.</returns>
    private static bool Catch(CommandContext context, Token activity, BoundaryEvent boundary)
    {
        if (boundary.CancelActivity)
        {
            context.CancelScope(activity.Id);
            context.End(activity, canceled: true);
        }
        context.Enter(boundary.Id, activity.ScopeTokenId, arrivedBy: null);
        return boundary.CancelActivity;
    }

    /// <summary>Nobody in this instance catches: a called instance hands the escalation to its caller and goes on.</summary>
    private static bool ThrowToCaller(CommandContext context, string code)
    {
        if (context.Instance.SuperTokenId is not null) context.Record(new Runtime.Effects.EscalationThrownToCaller(code));
        return false;
    }
}
