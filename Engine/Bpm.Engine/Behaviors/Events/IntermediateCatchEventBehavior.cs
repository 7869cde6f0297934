using Bpm.Engine.Model;
using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors.Events;

/// <summary>A timer intermediate catch event: the token waits until its timer fires.</summary>
internal sealed class IntermediateCatchEventBehavior : INodeBehavior
{
    public void Activate(CommandContext context, Token token)
    {
        var catchEvent = (IntermediateCatchEvent)context.Definition.Node(token.NodeId);
        if (TimerScheduling.Schedule(context, token, catchEvent, catchEvent.Timer)) token.State = TokenState.Waiting;
    }
}
