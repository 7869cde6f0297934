using Bpm.Engine.Model;
using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors;

/// <summary>
/// Leaving an activity or event: every unconditional outgoing flow is taken, and every conditional flow
/// whose condition holds (BPMN's implicit inclusive split).
/// </summary>
internal static class OutgoingFlows
{
    public static void Leave(CommandContext context, Token token)
    {
        var node = context.Definition.Node(token.NodeId);
        var taken = new List<SequenceFlow>(node.Outgoing.Count);
        foreach (var flowId in node.Outgoing)
        {
            var flow = context.Definition.Flow(flowId);
            if (flow.Condition is null)
            {
                taken.Add(flow);
                continue;
            }
            var holds = Conditions.Evaluate(context, token, flow);
            if (holds is null) return;
            if (holds.Value) taken.Add(flow);
        }
        if (node.Outgoing.Count > 0 && taken.Count == 0)
        {
            context.Fail(token, IncidentTypes.FailedExpression, $"No outgoing sequence flow of '{node.Id}' can be taken: no condition holds");
            return;
        }
        context.Leave(token, taken);
    }
}
