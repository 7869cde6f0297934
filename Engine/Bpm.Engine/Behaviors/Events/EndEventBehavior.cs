using Bpm.Engine.Model;
using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors.Events;

/// <summary>
/// A none end event consumes the token; its scope completes when no token is left in it.
/// A terminate end event first cancels every other token of its scope. An error end event throws its error
/// to the nearest boundary event that catches it.
/// </summary>
internal sealed class EndEventBehavior : INodeBehavior
{
    public void Activate(CommandContext context, Token token)
    {
        if (context.Definition.Node(token.NodeId) is EndEvent { Error: { } error })
        {
            var code = error.ErrorCode ?? "";
            if (!ErrorPropagation.TryCatch(context, token, code, null)) ErrorPropagation.Uncaught(context, token, code, null);
            return;
        }
        if (context.Definition.Node(token.NodeId) is EndEvent { Escalation: { } escalation }
            && EscalationPropagation.Throw(context, token, escalation.EscalationCode ?? ""))
            return;
        if (context.Definition.Node(token.NodeId) is EndEvent { Compensation: { } compensation } && Compensation.Throw(context, token, compensation))
            return;
        if (context.Definition.Node(token.NodeId) is EndEvent { Signal: { } signal })
            context.Record(new Runtime.Effects.SignalThrown(signal.SignalName, context.Now));
        if (context.Definition.Node(token.NodeId) is EndEvent { Terminate: true })
        {
            foreach (var other in context.Instance.Tokens.Where(t => t.ScopeTokenId == token.ScopeTokenId && t != token).ToList())
            {
                if (!context.Instance.Tokens.Contains(other)) continue;
                context.CancelScope(other.Id);
                context.End(other, canceled: true);
            }
        }
        context.Schedule(new Step.Complete(token));
    }

    public void Complete(CommandContext context, Token token) => context.Leave(token, []);
}
