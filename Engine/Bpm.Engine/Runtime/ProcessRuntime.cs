using System.Text.Json.Nodes;
using Bpm.Engine.Behaviors;
using Bpm.Engine.Behaviors.Gateways;
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
public sealed partial class ProcessRuntime
{
    private readonly RuntimeServices _services;
    private readonly BehaviorRegistry _behaviors = new();

    public ProcessRuntime(TimeProvider time, Func<string>? newId = null, ScriptOptions? scripts = null)
    {
        _services = new RuntimeServices(time, newId ?? new TimeOrderedIds(time).Next, new ExpressionCache(), new ScriptRunner(scripts ?? new ScriptOptions()));
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
