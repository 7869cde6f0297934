using Bpm.Engine.Model;
using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors.Gateways;

/// <summary>
/// Splits onto every outgoing flow whose condition holds, or the default flow when none does.
/// Joins (more than one incoming flow) when no token of the same scope that could still arrive is left
/// upstream: arriving tokens wait, and <see cref="InclusiveJoins"/> fires them once the command is quiet.
/// </summary>
internal sealed class InclusiveGatewayBehavior : INodeBehavior
{
    public void Activate(CommandContext context, Token token)
    {
        var gateway = context.Definition.Node(token.NodeId);
        if (gateway.Incoming.Count > 1)
        {
            token.State = TokenState.Joining;
            return;
        }
        Split(context, token);
    }

    public static void Split(CommandContext context, Token token)
    {
        var gateway = (InclusiveGateway)context.Definition.Node(token.NodeId);
        var taken = new List<SequenceFlow>();
        foreach (var flowId in gateway.Outgoing)
        {
            if (flowId == gateway.DefaultFlowId) continue;
            var flow = context.Definition.Flow(flowId);
            var holds = Conditions.Evaluate(context, token, flow);
            if (holds is null) return;
            if (holds.Value) taken.Add(flow);
        }
        if (taken.Count == 0 && gateway.DefaultFlowId is not null) taken.Add(context.Definition.Flow(gateway.DefaultFlowId));
        if (taken.Count == 0 && gateway.Outgoing.Count > 0)
        {
            context.Fail(token, IncidentTypes.FailedExpression,
                $"No outgoing sequence flow of inclusive gateway '{gateway.Id}' has a condition that holds, and it has no default flow");
            return;
        }
        context.Leave(token, taken);
    }
}
