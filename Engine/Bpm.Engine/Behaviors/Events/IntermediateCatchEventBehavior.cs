using Bpm.Engine.Model;
using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors.Events;

/// <summary>A timer or message intermediate catch event: the token waits until its timer fires or its message arrives.</summary>
internal sealed class IntermediateCatchEventBehavior : INodeBehavior
{
    public void Activate(CommandContext context, Token token)
    {
        var catchEvent = (IntermediateCatchEvent)context.Definition.Node(token.NodeId);
        var waiting = catchEvent.Timer is { } timer
            ? TimerScheduling.Schedule(context, token, catchEvent, timer)
            : MessageSubscribing.Subscribe(context, token, catchEvent, catchEvent.Message!);
        if (waiting) token.State = TokenState.Waiting;
    }
}
