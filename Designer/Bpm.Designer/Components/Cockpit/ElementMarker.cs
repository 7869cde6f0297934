using Bpm.Contracts.Rest;

namespace Bpm.Designer.Components.Cockpit;

/// <summary>What the diagram shows on one element: how many tokens wait there and how many incidents are open.</summary>
public sealed record ElementMarker(string ElementId, int Tokens, int Incidents)
{
    /// <summary>Counts per element from the tree of active activity instances and the open incidents.</summary>
    public static List<ElementMarker> From(ActivityInstanceDto? tree, IEnumerable<IncidentDto> incidents)
    {
        var tokens = new Dictionary<string, int>();
        void Walk(ActivityInstanceDto node)
        {
            foreach (var child in node.ChildActivityInstances)
            {
                tokens[child.ActivityId] = tokens.GetValueOrDefault(child.ActivityId) + 1;
                Walk(child);
            }
            foreach (var transition in node.ChildTransitionInstances)
                tokens[transition.ActivityId] = tokens.GetValueOrDefault(transition.ActivityId) + 1;
        }
        if (tree is not null) Walk(tree);
        var open = incidents.Where(i => i.ActivityId is not null).GroupBy(i => i.ActivityId!).ToDictionary(g => g.Key, g => g.Count());
        return tokens.Keys.Union(open.Keys).Order(StringComparer.Ordinal)
            .Select(id => new ElementMarker(id, tokens.GetValueOrDefault(id), open.GetValueOrDefault(id))).ToList();
    }
}
