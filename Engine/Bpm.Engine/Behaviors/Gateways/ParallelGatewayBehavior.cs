using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors.Gateways;

/// <summary>
/// Joins when a token has arrived on every incoming flow (one token per flow is consumed, the earliest),
/// then forks a token onto every outgoing flow, conditions ignored.
/// </summary>
internal sealed class ParallelGatewayBehavior : INodeBehavior
{
    public void Activate(CommandContext context, Token token)
    {
        var gateway = context.Definition.Node(token.NodeId);
        if (gateway.Incoming.Count > 1)
        {
            token.State = TokenState.Joining;
            var arrived = new List<Token>(gateway.Incoming.Count);
            foreach (var flowId in gateway.Incoming)
            {
                var earliest = context.Instance.Tokens.Find(t =>
                    t.NodeId == gateway.Id && t.State == TokenState.Joining && t.ScopeTokenId == token.ScopeTokenId && t.ArrivedBy == flowId);
                if (earliest is null) return;
                arrived.Add(earliest);
            }
            token = arrived[^1];
            foreach (var consumed in arrived.Take(arrived.Count - 1)) context.End(consumed, canceled: false);
        }
        context.Leave(token, gateway.Outgoing.Select(context.Definition.Flow));
    }
}
