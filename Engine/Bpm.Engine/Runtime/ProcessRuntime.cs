using System.Text.Json.Nodes;
using Bpm.Engine.Behaviors;
using Bpm.Engine.Behaviors.Gateways;
using Bpm.Engine.Behaviors.Tasks;
using Bpm.Engine.Errors;
using Bpm.Engine.Model;
using Bpm.Engine.Runtime.Effects;
using Bpm.Engine.Scripting;

namespace Bpm.Engine.Runtime;

/// <summary>
/// Executes commands against process instances. Each command runs named steps from a queue until every
/// token waits, and returns the changed instance with the effects a store must record in one transaction.
/// Pure: no I/O, time and ids are injected.
/// </summary>
public sealed class ProcessRuntime
{
    private readonly RuntimeServices _services;
    private readonly BehaviorRegistry _behaviors = new();

    public ProcessRuntime(TimeProvider time, Func<string>? newId = null, ScriptOptions? scripts = null)
    {
        _services = new RuntimeServices(time, newId ?? (() => Guid.NewGuid().ToString()), new ExpressionCache(), new ScriptRunner(scripts ?? new ScriptOptions()));
    }

    public CommandResult Start(ProcessDefinition definition, string definitionId, string? businessKey, JsonObject? variables, string? instanceId = null) =>
        StartAt(definition, definitionId, definition.StartEventId
            ?? throw EngineException.Invalid($"Process '{definition.Key}' has no none start event; it starts by its timer start events only"),
            businessKey, variables, instanceId);

    /// <summary>Starts an instance at a given start event: a timer start event that fired, say.</summary>
    public CommandResult StartAt(ProcessDefinition definition, string definitionId, string startEventId, string? businessKey, JsonObject? variables, string? instanceId = null)
    {
        var instance = new ProcessInstance
        {
            Id = instanceId ?? _services.NewId(),
            DefinitionId = definitionId,
            DefinitionKey = definition.Key,
            BusinessKey = businessKey,
            State = InstanceState.Active,
            StartTime = _services.Time.GetUtcNow(),
            Variables = (JsonObject?)variables?.DeepClone() ?? [],
        };
        var context = new CommandContext(definition, instance, _services);
        if (EventSubProcesses.Subscribe(context, definition.Key, EventSubProcesses.ProcessScope(instance)))
            context.Enter(startEventId, scopeTokenId: null, arrivedBy: null);
        return Run(context);
    }

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

    /// <summary>Completes the service or user task a token waits in, with the variables its worker or assignee sent.</summary>
    public CommandResult CompleteTask(ProcessDefinition definition, ProcessInstance instance, string tokenId, JsonObject? variables, JsonObject? localVariables = null)
    {
        EnsureActive(instance);
        var context = new CommandContext(definition, instance, _services);
        var token = WaitingTask(definition, instance, tokenId);
        var node = definition.Node(token.NodeId);
        if (localVariables is { Count: > 0 })
        {
            token.Variables ??= [];
            foreach (var (name, value) in localVariables) token.Variables[name] = value?.DeepClone();
        }
        if (node.Outputs.Count > 0 && variables is not null)
        {
            // With output mappings, results stay local and only the mapped values reach the scope.
            token.Variables ??= [];
            foreach (var (name, value) in variables) token.Variables[name] = value?.DeepClone();
        }
        else
        {
            context.SetVariables(token.ScopeTokenId, variables);
        }
        token.State = TokenState.Running;
        context.Schedule(new Step.Complete(token));
        return Run(context);
    }

    /// <summary>
    /// A worker reported a BPMN error: the nearest error boundary event that catches its code, on the task or an
    /// enclosing sub-process, takes over; an error nobody catches stops the token with an incident.
    /// </summary>
    public CommandResult ThrowBpmnError(ProcessDefinition definition, ProcessInstance instance, string tokenId, string errorCode, string? errorMessage, JsonObject? variables)
    {
        EnsureActive(instance);
        var context = new CommandContext(definition, instance, _services);
        var token = WaitingTask(definition, instance, tokenId);
        context.SetVariables(token.ScopeTokenId, variables);
        if (!ErrorPropagation.TryCatch(context, token, errorCode, errorMessage))
        {
            // The external task is done with; a retry of the incident activates the task anew.
            context.Record(new WaitEnded(token.Id, definition.Node(token.NodeId).ActivityType, Canceled: false, context.Now));
            ErrorPropagation.Uncaught(context, token, errorCode, errorMessage);
        }
        return Run(context);
    }

    /// <summary>Runs a token that stopped on an incident once more, from where it stopped.</summary>
    public CommandResult Retry(ProcessDefinition definition, ProcessInstance instance, string tokenId)
    {
        EnsureActive(instance);
        var context = new CommandContext(definition, instance, _services);
        var token = instance.FindToken(tokenId) ?? throw EngineException.NotFound($"No activity instance '{tokenId}' in process instance '{instance.Id}'");
        if (token.State != TokenState.Failed) throw EngineException.Conflict($"Activity instance '{tokenId}' has no incident to retry");
        context.Record(new IncidentResolved(token.IncidentId!, context.Now));
        token.IncidentId = null;
        token.State = TokenState.Running;
        context.Schedule(token.FailedLeaving ? new Step.Complete(token) : new Step.Activate(token));
        token.FailedLeaving = false;
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

    /// <summary>Starts an instance called by a call activity of another instance.</summary>
    public CommandResult StartCalled(ProcessDefinition definition, string definitionId, string instanceId, string? businessKey, JsonObject variables, string superInstanceId, string superTokenId)
    {
        var instance = new ProcessInstance
        {
            Id = instanceId,
            DefinitionId = definitionId,
            DefinitionKey = definition.Key,
            BusinessKey = businessKey,
            State = InstanceState.Active,
            StartTime = _services.Time.GetUtcNow(),
            Variables = (JsonObject)variables.DeepClone(),
            SuperInstanceId = superInstanceId,
            SuperTokenId = superTokenId,
        };
        var context = new CommandContext(definition, instance, _services);
        var start = definition.StartEventId ?? throw EngineException.Invalid($"Process '{definition.Key}' cannot be called: it has no none start event");
        if (EventSubProcesses.Subscribe(context, definition.Key, EventSubProcesses.ProcessScope(instance)))
            context.Enter(start, scopeTokenId: null, arrivedBy: null);
        return Run(context);
    }

    /// <summary>The instance a call activity called has completed: its variables come back and the call activity leaves.</summary>
    public CommandResult ReturnFromCall(ProcessDefinition definition, ProcessInstance instance, string tokenId, JsonObject childVariables)
    {
        var context = new CommandContext(definition, instance, _services);
        var token = instance.FindToken(tokenId) ?? throw EngineException.NotFound($"No call activity '{tokenId}' in process instance '{instance.Id}'");
        CallActivityBehavior.Return(context, token, childVariables);
        return Run(context);
    }

    /// <summary>The instance a call activity called threw an error it did not catch: the call activity throws it on.</summary>
    public CommandResult ThrowFromCall(ProcessDefinition definition, ProcessInstance instance, string tokenId, string errorCode, string? errorMessage)
    {
        var context = new CommandContext(definition, instance, _services);
        var token = instance.FindToken(tokenId) ?? throw EngineException.NotFound($"No call activity '{tokenId}' in process instance '{instance.Id}'");
        token.CalledInstanceId = null;
        if (!ErrorPropagation.TryCatch(context, token, errorCode, errorMessage)) ErrorPropagation.Uncaught(context, token, errorCode, errorMessage);
        return Run(context);
    }

    /// <summary>Suspends or resumes the instance: while suspended, its tasks cannot be fetched or completed and its timers wait.</summary>
    public CommandResult SetSuspended(ProcessDefinition definition, ProcessInstance instance, bool suspended)
    {
        var context = new CommandContext(definition, instance, _services);
        var wanted = suspended ? InstanceState.Suspended : InstanceState.Active;
        if (instance.State != wanted)
        {
            instance.State = wanted;
            context.Record(new InstanceSuspensionChanged(suspended, context.Now));
        }
        return new CommandResult(instance, context.Effects);
    }

    /// <summary>Cancels the whole instance: every token ends as cancelled.</summary>
    public CommandResult Cancel(ProcessDefinition definition, ProcessInstance instance, bool externally = true)
    {
        if (instance.IsEnded) throw EngineException.Conflict($"Process instance '{instance.Id}' has already ended");
        var context = new CommandContext(definition, instance, _services);
        context.CancelScope(null);
        EventSubProcesses.CloseProcessScope(context);
        instance.State = externally ? InstanceState.ExternallyTerminated : InstanceState.InternallyTerminated;
        instance.EndTime = context.Now;
        context.Record(new InstanceEnded(instance.State, context.Now));
        return new CommandResult(instance, context.Effects);
    }

    /// <summary>The token stops at an asynchronous continuation; a job continues it.</summary>
    private static void Defer(CommandContext context, Token token, AsyncStep step)
    {
        token.State = TokenState.Waiting;
        token.PendingContinuation = step;
        token.PassedContinuation = step;
        context.Record(new ContinuationScheduled(context.Services.NewId(), token.Id, token.NodeId, context.Now));
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

    /// <summary>The token that owns a wait: a real token, or the process scope itself for the process's event sub-processes.</summary>
    private static Token? Owner(ProcessInstance instance, string tokenId) =>
        tokenId == instance.Id ? EventSubProcesses.ProcessScope(instance) : instance.FindToken(tokenId);

    private static void EnsureActive(ProcessInstance instance)
    {
        if (instance.State == InstanceState.Suspended)
            throw new EngineException(EngineErrorKind.Suspended, $"Process instance '{instance.Id}' is suspended");
    }

    private static bool ScheduleBoundaryTimers(CommandContext context, Token token)
    {
        foreach (var boundary in context.Definition.BoundaryEventsOf(token.NodeId))
        {
            if (boundary.Timer is { } timer && !TimerScheduling.Schedule(context, token, boundary, timer)) return false;
            if (boundary.Message is { } message && !MessageSubscribing.Subscribe(context, token, boundary, message)) return false;
            if (boundary.Signal is { } signal) MessageSubscribing.SubscribeSignal(context, token, boundary, signal);
        }
        return true;
    }

    private static Token WaitingTask(ProcessDefinition definition, ProcessInstance instance, string tokenId)
    {
        var token = instance.FindToken(tokenId);
        if (token is null || token.State != TokenState.Waiting || definition.Node(token.NodeId) is not (ServiceTask or UserTask))
            throw EngineException.NotFound($"No waiting task '{tokenId}' in process instance '{instance.Id}'");
        return token;
    }

    private CommandResult Run(CommandContext context)
    {
        do
        {
            while (context.TryDequeue(out var step))
            {
                var token = step.Token;
                if (!context.Instance.Tokens.Contains(token)) continue;
                var node = context.Definition.Node(token.NodeId);
                var behavior = _behaviors.For(node);
                switch (step)
                {
                    case Step.Activate when node.AsyncBefore && token.PassedContinuation is null:
                        Defer(context, token, AsyncStep.Before);
                        break;
                    case Step.Complete when node.AsyncAfter && token.PassedContinuation != AsyncStep.After && token.State != TokenState.Failed:
                        Defer(context, token, AsyncStep.After);
                        break;
                    case Step.Activate when node.Loop is not null && !MultiInstanceBehavior.IsInner(context, token):
                        if (ScheduleBoundaryTimers(context, token)) MultiInstanceBehavior.Begin(context, token);
                        break;
                    case Step.Activate when node.Loop is not null:
                        if (VariableMappings.ApplyInputs(context, token, node)) behavior.Activate(context, token);
                        break;
                    case Step.Activate:
                        if (VariableMappings.ApplyInputs(context, token, node) && ScheduleBoundaryTimers(context, token)) behavior.Activate(context, token);
                        break;
                    case Step.Complete when token.IsMultiInstanceBody:
                        behavior.Complete(context, token);
                        break;
                    case Step.Complete when node.Loop is not null && MultiInstanceBehavior.IsInner(context, token):
                        if (VariableMappings.ApplyOutputs(context, token, node)) MultiInstanceBehavior.CompleteInner(context, token);
                        if (token.State == TokenState.Failed) token.FailedLeaving = true;
                        break;
                    case Step.Complete:
                        if (VariableMappings.ApplyOutputs(context, token, node)) behavior.Complete(context, token);
                        if (token.State == TokenState.Failed) token.FailedLeaving = true;
                        break;
                }
            }
        }
        while (InclusiveJoins.FireReady(context));
        return new CommandResult(context.Instance, context.Effects);
    }
}
