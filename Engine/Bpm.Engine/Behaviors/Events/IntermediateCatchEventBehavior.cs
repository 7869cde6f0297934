using Bpm.Engine.Model;
using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors.Events;

/// <summary>A timer or message intermediate catch event: the token waits until its timer fires or its message arrives.</summary>
internal sealed class IntermediateCatchEventBehavior : INodeBehavior
{
    public void Activate(CommandContext context, Token token)
    {
        var catchEvent = (IntermediateCatchEvent)context.Definition.Node(token.NodeId);
        var waiting = catchEvent switch
        {
            { Timer: { } timer } => TimerScheduling.Schedule(context, token, catchEvent, timer),
            { Message: { } message } => MessageSubscribing.Subscribe(context, token, catchEvent, message),
            _ => Subscribed(context, token, catchEvent),
        };
        if (waiting) token.State = TokenState.Waiting;
    }

    private static bool Subscribed(CommandContext context, Token token, IntermediateCatchEvent catchEvent)
    {
        MessageSubscribing.SubscribeSignal(context, token, catchEvent, catchEvent.Signal!);
        return true;
    }
}
