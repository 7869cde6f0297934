using Bpm.Engine.Model;
using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors.Gateways;

/// <summary>
/// Takes the first outgoing flow, in document order, whose condition holds (a flow without condition
/// always holds); otherwise the default flow; otherwise the token stops with an incident.
/// Joining is a pass-through.
/// </summary>
internal sealed class ExclusiveGatewayBehavior : INodeBehavior
{
    public void Activate(CommandContext context, Token token)
    {
        var gateway = (ExclusiveGateway)context.Definition.Node(token.NodeId);
        foreach (var flowId in gateway.Outgoing)
        {
            if (flowId == gateway.DefaultFlowId) continue;
            var flow = context.Definition.Flow(flowId);
            var holds = Conditions.Evaluate(context, token, flow);
            if (holds is null) return;
            if (holds.Value)
            {
                context.Leave(token, [flow]);
                return;
            }
        }
        if (gateway.DefaultFlowId is not null)
        {
            context.Leave(token, [context.Definition.Flow(gateway.DefaultFlowId)]);
            return;
        }
        context.Fail(token, IncidentTypes.FailedExpression,
            $"No outgoing sequence flow of exclusive gateway '{gateway.Id}' has a condition that holds, and it has no default flow");
    }
}
