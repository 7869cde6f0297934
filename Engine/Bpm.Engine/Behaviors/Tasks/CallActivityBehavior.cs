using System.Text.Json.Nodes;
using Bpm.Engine.Model;
using Bpm.Engine.Runtime;
using Bpm.Engine.Runtime.Effects;

namespace Bpm.Engine.Behaviors.Tasks;

/// <summary>
/// Starts the called process with the variables its mappings pass in and waits; when the called instance
/// completes, the variables its mappings pass out come back and the token leaves.
/// </summary>
internal sealed class CallActivityBehavior : INodeBehavior
{
    public void Activate(CommandContext context, Token token)
    {
        var call = (CallActivity)context.Definition.Node(token.NodeId);
        var key = ValueExpressions.String(context, token, call.CalledElement, "calledElement");
        if (token.State == TokenState.Failed) return;
        if (string.IsNullOrEmpty(key))
        {
            context.Fail(token, IncidentTypes.FailedExpression, $"The called element of '{call.Id}' evaluated to nothing");
            return;
        }
        var variables = call.PassAllVariables ? context.VisibleVariables(token) : new JsonObject();
        if (token.Variables is not null && call.Inputs.Count > 0)
        {
            foreach (var mapping in call.Inputs) variables[mapping.Target] = token.Variables[mapping.Target]?.DeepClone();
        }
        foreach (var mapping in call.In)
        {
            var value = context.Evaluate(mapping.Source, token);
            if (!value.IsSuccess)
            {
                context.Fail(token, IncidentTypes.FailedExpression, $"The variable '{mapping.Target}' passed to '{key}' by '{call.Id}' failed: {value.Error}");
                return;
            }
            variables[mapping.Target] = value.Value?.DeepClone();
        }
        token.State = TokenState.Waiting;
        token.CalledInstanceId = context.Services.NewId();
        context.Record(new ChildInstanceRequested(token.Id, token.CalledInstanceId, key, call.Binding, call.Version, variables,
            call.PassBusinessKey ? context.Instance.BusinessKey : null));
    }

    /// <summary>The called instance completed with <paramref name="childVariables"/>.</summary>
    public static void Return(CommandContext context, Token token, JsonObject childVariables)
    {
        var call = (CallActivity)context.Definition.Node(token.NodeId);
        var returned = new JsonObject();
        if (call.ReturnAllVariables)
        {
            foreach (var (name, value) in childVariables) returned[name] = value?.DeepClone();
        }
        foreach (var mapping in call.Out)
        {
            var value = Expressions.Expression.Parse(mapping.Source).Evaluate(new Expressions.DictionaryVariableLookup(childVariables));
            if (!value.IsSuccess)
            {
                context.Fail(token, IncidentTypes.FailedExpression, $"The variable '{mapping.Target}' returned to '{call.Id}' failed: {value.Error}");
                return;
            }
            returned[mapping.Target] = value.Value?.DeepClone();
        }
        token.CalledInstanceId = null;
        if (call.Outputs.Count > 0)
        {
            token.Variables ??= [];
            foreach (var (name, value) in returned) token.Variables[name] = value?.DeepClone();
        }
        else
        {
            context.SetVariables(token.ScopeTokenId, returned);
        }
        token.State = TokenState.Running;
        context.Schedule(new Step.Complete(token));
    }
}
