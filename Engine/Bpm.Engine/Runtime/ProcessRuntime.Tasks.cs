using System.Text.Json.Nodes;
using Bpm.Engine.Behaviors;
using Bpm.Engine.Errors;
using Bpm.Engine.Model;
using Bpm.Engine.Runtime.Effects;

namespace Bpm.Engine.Runtime;

/// <summary>Commands on the tasks tokens wait in: complete, BPMN error, retry of an incident.</summary>
public sealed partial class ProcessRuntime
{
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
            context.RecordWaitEnded(token, canceled: false);
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

    private static Token WaitingTask(ProcessDefinition definition, ProcessInstance instance, string tokenId)
    {
        var token = instance.FindToken(tokenId);
        if (token is null || token.State != TokenState.Waiting || definition.Node(token.NodeId) is not (ServiceTask or UserTask))
            throw EngineException.NotFound($"No waiting task '{tokenId}' in process instance '{instance.Id}'");
        return token;
    }
}
