using System.Text.Json.Nodes;
using Bpm.Engine.Behaviors;
using Bpm.Engine.Behaviors.Gateways;
using Bpm.Engine.Errors;
using Bpm.Engine.Model;
using Bpm.Engine.Runtime.Effects;

namespace Bpm.Engine.Runtime;

/// <summary>Commands for events that arrive: due timers, correlated messages and signals, asynchronous continuations.</summary>
public sealed partial class ProcessRuntime
{
    /// <summary>A timer of the instance is due: a catch event's token moves on, or a boundary event fires.</summary>
    public CommandResult FireTimer(ProcessDefinition definition, ProcessInstance instance, string timerId)
    {
        EnsureActive(instance);
        var timer = instance.Timers.Find(t => t.Id == timerId)
            ?? throw EngineException.NotFound($"No pending timer '{timerId}' in process instance '{instance.Id}'");
        var context = new CommandContext(definition, instance, _services);
        instance.Timers.Remove(timer);
        var token = Owner(instance, timer.TokenId)
            ?? throw new InvalidOperationException($"Timer '{timerId}' belongs to no token of process instance '{instance.Id}'");
        switch (definition.Node(timer.ElementId))
        {
            case StartEvent start:
                EventSubProcesses.Trigger(context, token, start, () =>
                {
                    if (timer.Cycle is { } cycle) TimerScheduling.Subscribe(context, token, start.Id, cycle.Next(timer.DueAt), cycle.AfterFiring());
                });
                break;
            case IntermediateCatchEvent when definition.Node(token.NodeId) is EventBasedGateway:
                EventBasedGatewayBehavior.Trigger(context, token, timer.ElementId);
                break;
            case IntermediateCatchEvent:
                token.State = TokenState.Running;
                context.Schedule(new Step.Complete(token));
                break;
            case BoundaryEvent { CancelActivity: true } boundary:
                context.CancelScope(token.Id);
                context.End(token, canceled: true);
                context.Enter(boundary.Id, token.ScopeTokenId, arrivedBy: null);
                break;
            case BoundaryEvent boundary:
                if (timer.Cycle is { } cycle) TimerScheduling.Subscribe(context, token, boundary.Id, cycle.Next(timer.DueAt), cycle.AfterFiring());
                context.Enter(boundary.Id, token.ScopeTokenId, arrivedBy: null);
                break;
        }
        return Run(context);
    }

    /// <summary>
    /// A message arrived for one of the instance's subscriptions: its variables are set on the process, and the
    /// catch event or receive task moves on, or the boundary event fires.
    /// </summary>
    public CommandResult CorrelateMessage(ProcessDefinition definition, ProcessInstance instance, string subscriptionId, JsonObject? variables)
    {
        EnsureActive(instance);
        var subscription = instance.Messages.Find(m => m.Id == subscriptionId)
            ?? throw EngineException.NotFound($"No open message subscription '{subscriptionId}' in process instance '{instance.Id}'");
        var context = new CommandContext(definition, instance, _services);
        instance.Messages.Remove(subscription);
        context.Record(new MessageUnsubscribed(subscription.Id));
        var token = Owner(instance, subscription.TokenId)
            ?? throw new InvalidOperationException($"Message subscription '{subscriptionId}' belongs to no token of process instance '{instance.Id}'");
        context.SetVariables(token.ScopeTokenId, variables);
        switch (definition.Node(subscription.ElementId))
        {
            case StartEvent start:
                EventSubProcesses.Trigger(context, token, start, () =>
                {
                    if (start.Signal is { } signal) MessageSubscribing.SubscribeSignal(context, token, start, signal);
                    else MessageSubscribing.Subscribe(context, token, start, start.Message!);
                });
                break;
            case var _ when definition.Node(token.NodeId) is EventBasedGateway:
                EventBasedGatewayBehavior.Trigger(context, token, subscription.ElementId);
                break;
            case BoundaryEvent { CancelActivity: true } boundary:
                context.CancelScope(token.Id);
                context.End(token, canceled: true);
                context.Enter(boundary.Id, token.ScopeTokenId, arrivedBy: null);
                break;
            case BoundaryEvent { Signal: { } signal } boundary:
                MessageSubscribing.SubscribeSignal(context, token, boundary, signal);
                context.Enter(boundary.Id, token.ScopeTokenId, arrivedBy: null);
                break;
            case BoundaryEvent boundary:
                MessageSubscribing.Subscribe(context, token, boundary, boundary.Message!);
                context.Enter(boundary.Id, token.ScopeTokenId, arrivedBy: null);
                break;
            default:
                token.State = TokenState.Running;
                context.Schedule(new Step.Complete(token));
                break;
        }
        return Run(context);
    }

    /// <summary>The job of an asynchronous continuation runs: the token goes on from where it stopped.</summary>
    public CommandResult Continue(ProcessDefinition definition, ProcessInstance instance, string tokenId)
    {
        EnsureActive(instance);
        var token = instance.FindToken(tokenId);
        if (token?.PendingContinuation is not { } step)
            throw EngineException.NotFound($"No asynchronous continuation waits at '{tokenId}' in process instance '{instance.Id}'");
        var context = new CommandContext(definition, instance, _services);
        token.PendingContinuation = null;
        token.State = TokenState.Running;
        context.Schedule(step == AsyncStep.Before ? new Step.Activate(token) : new Step.Complete(token));
        return Run(context);
    }

    /// <summary>The token stops at an asynchronous continuation; a job continues it.</summary>
    private static void Defer(CommandContext context, Token token, AsyncStep step)
    {
        token.State = TokenState.Waiting;
        token.PendingContinuation = step;
        token.PassedContinuation = step;
        context.Record(new ContinuationScheduled(context.Services.NewId(), token.Id, token.NodeId, context.Now));
    }
}
