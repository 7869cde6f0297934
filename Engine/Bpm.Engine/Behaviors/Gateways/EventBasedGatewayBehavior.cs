using Bpm.Engine.Model;
using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors.Gateways;

/// <summary>
/// The token waits at the gateway, subscribed to every event that follows it. The first that occurs wins: the
/// gateway's token ends with all its subscriptions, and a token enters the winning event already triggered.
/// </summary>
internal sealed class EventBasedGatewayBehavior : INodeBehavior
{
    public void Activate(CommandContext context, Token token)
    {
        var gateway = context.Definition.Node(token.NodeId);
        foreach (var flowId in gateway.Outgoing)
        {
            var target = context.Definition.Node(context.Definition.Flow(flowId).TargetId);
            var subscribed = target switch
            {
                IntermediateCatchEvent { Timer: { } timer } => TimerScheduling.Schedule(context, token, target, timer),
                IntermediateCatchEvent { Message: { } message } => MessageSubscribing.Subscribe(context, token, target, message),
                IntermediateCatchEvent { Signal: { } signal } => Subscribe(context, token, target, signal),
                ReceiveTask receive => MessageSubscribing.Subscribe(context, token, target, receive.Message),
                _ => throw new InvalidOperationException($"'{target.Id}' cannot follow event-based gateway '{gateway.Id}'"),
            };
            if (!subscribed)
            {
                TimerScheduling.CancelAll(context, token);
                MessageSubscribing.CancelAll(context, token);
                return;
            }
        }
        token.State = TokenState.Waiting;
    }

    private static bool Subscribe(CommandContext context, Token token, FlowNode target, SignalEventDefinition signal)
    {
        MessageSubscribing.SubscribeSignal(context, token, target, signal);
        return true;
    }

    /// <summary>The event <paramref name="winnerId"/> occurred first.</summary>
    public static void Trigger(CommandContext context, Token gatewayToken, string winnerId)
    {
        var gateway = context.Definition.Node(gatewayToken.NodeId);
        var flow = gateway.Outgoing.Select(context.Definition.Flow).First(f => f.TargetId == winnerId);
        context.End(gatewayToken, canceled: false);
        var winner = context.Enter(winnerId, gatewayToken.ScopeTokenId, flow.Id, triggered: true);
        winner.State = TokenState.Running;
    }
}
