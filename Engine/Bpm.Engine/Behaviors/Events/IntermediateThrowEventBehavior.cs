using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors.Events;

/// <summary>A none intermediate throw event marks a milestone; a signal throw event broadcasts its signal. The token passes on.</summary>
internal sealed class IntermediateThrowEventBehavior : INodeBehavior
{
    public void Activate(CommandContext context, Token token)
    {
        var node = (Model.IntermediateThrowEvent)context.Definition.Node(token.NodeId);
        if (node.Signal is { } signal) context.Record(new Runtime.Effects.SignalThrown(signal.SignalName, context.Now));
        if (node.Escalation is { } escalation && EscalationPropagation.Throw(context, token, escalation.EscalationCode ?? "")) return;
        if (node.Compensation is { } compensation && Compensation.Throw(context, token, compensation)) return;
        context.Schedule(new Step.Complete(token));
    }
}
