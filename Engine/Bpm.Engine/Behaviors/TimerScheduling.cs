using Bpm.Engine.Model;
using Bpm.Engine.Runtime;
using Bpm.Engine.Runtime.Effects;
using Bpm.Engine.Timers;

namespace Bpm.Engine.Behaviors;

/// <summary>Schedules and cancels the timers of catch events and boundary events.</summary>
internal static class TimerScheduling
{
    /// <summary>Evaluates the timer and subscribes it for <paramref name="owner"/>; a bad timer stops the token with an incident.</summary>
    /// <returns>False when the timer could not be scheduled.</returns>
    public static bool Schedule(CommandContext context, Token owner, FlowNode timerEvent, TimerDefinition timer)
    {
        var text = ValueExpressions.String(context, owner, timer.Expression, "timer");
        if (owner.State == TokenState.Failed) return false;
        if (text is null)
        {
            context.Fail(owner, IncidentTypes.FailedExpression, $"The timer of '{timerEvent.Id}' evaluated to null");
            return false;
        }
        if (!TimerSchedule.TryFirst(timer.Kind, text, context.Now, out var due, out var cycle, out var error))
        {
            context.Fail(owner, IncidentTypes.FailedExpression, $"The timer of '{timerEvent.Id}' is invalid: {error}");
            return false;
        }
        Subscribe(context, owner, timerEvent.Id, due, cycle);
        return true;
    }

    public static void Subscribe(CommandContext context, Token owner, string timerEventId, DateTimeOffset due, TimerCycle? cycle)
    {
        var subscription = new TimerSubscription { Id = context.Services.NewId(), ElementId = timerEventId, TokenId = owner.Id, DueAt = due, Cycle = cycle };
        context.Instance.Timers.Add(subscription);
        context.Record(new TimerScheduled(subscription.Id, timerEventId, due, context.Now));
    }

    /// <summary>Cancels every timer a token owns: it has left its node.</summary>
    public static void CancelAll(CommandContext context, Token owner)
    {
        for (var i = context.Instance.Timers.Count - 1; i >= 0; i--)
        {
            var timer = context.Instance.Timers[i];
            if (timer.TokenId != owner.Id) continue;
            context.Instance.Timers.RemoveAt(i);
            context.Record(new TimerCancelled(timer.Id));
        }
    }
}
