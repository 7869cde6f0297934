using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors.Events;

/// <summary>A none intermediate throw event marks a milestone; a signal throw event broadcasts its signal. The token passes on.</summary>
internal sealed class IntermediateThrowEventBehavior : INodeBehavior
{
    public void Activate(CommandContext context, Token token)
    {
        if (context.Definition.Node(token.NodeId) is Model.IntermediateThrowEvent { Signal: { } signal })
            context.Record(new Runtime.Effects.SignalThrown(signal.SignalName, context.Now));
        context.Schedule(new Step.Complete(token));
    }
}
