using Bpm.Engine.Model;
using Bpm.Engine.Runtime;
using Bpm.Engine.Runtime.Effects;

namespace Bpm.Engine.Behaviors;

/// <summary>Opens and closes the message subscriptions of catch events, receive tasks and boundary events.</summary>
internal static class MessageSubscribing
{
    /// <returns>False when the correlation key could not be evaluated and the token stopped with an incident.</returns>
    public static bool Subscribe(CommandContext context, Token owner, FlowNode element, MessageEventDefinition message)
    {
        string? key = null;
        if (message.CorrelationKey is not null)
        {
            key = ValueExpressions.String(context, owner, message.CorrelationKey, "correlationKey");
            if (owner.State == TokenState.Failed) return false;
            if (key is null)
            {
                context.Fail(owner, IncidentTypes.FailedExpression, $"The correlation key of '{element.Id}' evaluated to null");
                return false;
            }
        }
        var subscription = new MessageSubscription { Id = context.Services.NewId(), ElementId = element.Id, TokenId = owner.Id, MessageName = message.MessageName, CorrelationKey = key };
        context.Instance.Messages.Add(subscription);
        context.Record(new MessageSubscribed(subscription.Id, element.Id, message.MessageName, key, context.Now));
        return true;
    }

    /// <summary>Waits for a broadcast signal.</summary>
    public static void SubscribeSignal(CommandContext context, Token owner, FlowNode element, SignalEventDefinition signal)
    {
        var subscription = new MessageSubscription { Id = context.Services.NewId(), ElementId = element.Id, TokenId = owner.Id, MessageName = signal.SignalName, IsSignal = true };
        context.Instance.Messages.Add(subscription);
        context.Record(new MessageSubscribed(subscription.Id, element.Id, signal.SignalName, null, context.Now) { IsSignal = true });
    }

    /// <summary>Closes every subscription a token owns: it has left its node.</summary>
    public static void CancelAll(CommandContext context, Token owner)
    {
        for (var i = context.Instance.Messages.Count - 1; i >= 0; i--)
        {
            var subscription = context.Instance.Messages[i];
            if (subscription.TokenId != owner.Id) continue;
            context.Instance.Messages.RemoveAt(i);
            context.Record(new MessageUnsubscribed(subscription.Id));
        }
    }
}
