using System.Text.Json.Nodes;
using Bpm.Engine.Behaviors;
using Bpm.Engine.Behaviors.Tasks;
using Bpm.Engine.Errors;
using Bpm.Engine.Model;
using Bpm.Engine.Runtime.Effects;

namespace Bpm.Engine.Runtime;

/// <summary>Commands on whole instances: calls between instances, suspension, cancellation.</summary>
public sealed partial class ProcessRuntime
{
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

    /// <summary>The instance a call activity called threw an escalation it did not catch: the call activity throws it on.</summary>
    public CommandResult EscalateFromCall(ProcessDefinition definition, ProcessInstance instance, string tokenId, string escalationCode)
    {
        var context = new CommandContext(definition, instance, _services);
        var token = instance.FindToken(tokenId) ?? throw EngineException.NotFound($"No call activity '{tokenId}' in process instance '{instance.Id}'");
        EscalationPropagation.ThrowFromCall(context, token, escalationCode);
        return Run(context);
    }

    /// <summary>Sets and removes process variables, as an operator fixing an instance does.</summary>
    public CommandResult ModifyVariables(ProcessDefinition definition, ProcessInstance instance, JsonObject? modifications, IReadOnlyList<string>? deletions)
    {
        var context = new CommandContext(definition, instance, _services);
        foreach (var (name, value) in modifications ?? []) instance.Variables[name] = value?.DeepClone();
        foreach (var name in deletions ?? []) instance.Variables.Remove(name);
        return new CommandResult(instance, context.Effects);
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
}
