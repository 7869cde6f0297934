using System.Text.Json.Nodes;
using Bpm.Engine.Model;
using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors;

/// <summary>Input mappings create an activity's local variables; output mappings copy results to the enclosing scope.</summary>
internal static class VariableMappings
{
    /// <returns>False when a mapping failed and the token stopped with an incident.</returns>
    public static bool ApplyInputs(CommandContext context, Token token, FlowNode node)
    {
        if (node.Inputs.Count == 0) return true;
        var local = token.Variables ?? [];
        foreach (var mapping in node.Inputs)
        {
            // Later inputs may read earlier ones, as in both Camunda dialects.
            var result = context.Evaluate(mapping.Source, token, local);
            if (!result.IsSuccess)
            {
                context.Fail(token, IncidentTypes.FailedExpression, $"Input mapping '{mapping.Target}' of '{node.Id}' failed: {result.Error}");
                return false;
            }
            local[mapping.Target] = result.Value?.DeepClone();
        }
        token.Variables = local;
        return true;
    }

    /// <returns>False when a mapping failed and the token stopped with an incident.</returns>
    public static bool ApplyOutputs(CommandContext context, Token token, FlowNode node)
    {
        if (node.Outputs.Count == 0) return true;
        var values = new List<(string Target, JsonNode? Value)>(node.Outputs.Count);
        foreach (var mapping in node.Outputs)
        {
            var result = context.Evaluate(mapping.Source, token);
            if (!result.IsSuccess)
            {
                context.Fail(token, IncidentTypes.FailedExpression, $"Output mapping '{mapping.Target}' of '{node.Id}' failed: {result.Error}");
                return false;
            }
            values.Add((mapping.Target, result.Value));
        }
        foreach (var (target, value) in values) context.SetVariable(token.ScopeTokenId, target, value);
        return true;
    }
}
