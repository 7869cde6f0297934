using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors.Gateways;

/// <summary>
/// Fires waiting inclusive joins. A join fires when no other token of its scope rests at a node from
/// which the join can still be reached; all tokens waiting at it are merged into one.
/// </summary>
internal static class InclusiveJoins
{
    /// <returns>True when a join fired and new steps were scheduled.</returns>
    public static bool FireReady(CommandContext context)
    {
        var tokens = context.Instance.Tokens;
        var waiting = tokens
            .Where(t => t.State == TokenState.Joining && context.Definition.Node(t.NodeId) is Model.InclusiveGateway)
            .GroupBy(t => (t.NodeId, t.ScopeTokenId))
            .ToList();
        foreach (var group in waiting)
        {
            var (joinId, scope) = group.Key;
            var blocked = tokens.Any(t => t.ScopeTokenId == scope && t.NodeId != joinId && context.Definition.CanReach(t.NodeId, joinId));
            if (blocked) continue;
            var arrived = group.ToList();
            foreach (var consumed in arrived.Take(arrived.Count - 1)) context.End(consumed, canceled: false);
            var survivor = arrived[^1];
            survivor.State = TokenState.Running;
            InclusiveGatewayBehavior.Split(context, survivor);
            return true;
        }
        return false;
    }
}
