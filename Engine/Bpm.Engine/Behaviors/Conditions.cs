using Bpm.Engine.Model;
using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors;

/// <summary>Evaluates a sequence flow's condition; a failure stops the token with an incident.</summary>
internal static class Conditions
{
    /// <returns>Whether the condition holds, or null when it failed and an incident was raised.</returns>
    public static bool? Evaluate(CommandContext context, Token token, SequenceFlow flow)
    {
        if (flow.Condition is null) return true;
        var result = context.Evaluate(flow.Condition, token);
        if (!result.IsSuccess)
        {
            context.Fail(token, IncidentTypes.FailedExpression, $"Condition of sequence flow '{flow.Id}' failed: {result.Error}");
            return null;
        }
        if (result.Value is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<bool>(out var holds)) return holds;
        context.Fail(token, IncidentTypes.FailedExpression,
            $"Condition of sequence flow '{flow.Id}' did not evaluate to a boolean but to {result.Value?.ToJsonString() ?? "null"}");
        return null;
    }
}
