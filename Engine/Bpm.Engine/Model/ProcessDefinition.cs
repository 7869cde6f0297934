using System.Collections.Frozen;

namespace Bpm.Engine.Model;

/// <summary>An executable process, parsed and validated once, shared by all its instances.</summary>
public sealed class ProcessDefinition
{
    private readonly FrozenDictionary<string, FlowNode> _nodes;
    private readonly FrozenDictionary<string, SequenceFlow> _flows;
    private readonly FrozenDictionary<string, FrozenSet<string>> _reachingInclusiveJoins;
    private readonly FrozenDictionary<string, BoundaryEvent[]> _boundaryEvents;
    private readonly FrozenDictionary<string, EventSubProcess[]> _eventSubProcesses;

    public ProcessDefinition(string key, string? name, string? startEventId, IEnumerable<FlowNode> nodes, IEnumerable<SequenceFlow> flows)
    {
        Key = key;
        Name = name;
        StartEventId = startEventId;
        _nodes = nodes.ToFrozenDictionary(n => n.Id);
        _flows = flows.ToFrozenDictionary(f => f.Id);
        _boundaryEvents = _nodes.Values.OfType<BoundaryEvent>().GroupBy(b => b.AttachedToId).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _eventSubProcesses = _nodes.Values.OfType<EventSubProcess>().GroupBy(e => e.ScopeId).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        TimerStartEvents = _nodes.Values.OfType<StartEvent>().Where(s => s.Timer is not null && s.ScopeId == key).ToArray();
        MessageStartEvents = _nodes.Values.OfType<StartEvent>().Where(s => s.Message is not null && s.ScopeId == key).ToArray();
        SignalStartEvents = _nodes.Values.OfType<StartEvent>().Where(s => s.Signal is not null && s.ScopeId == key).ToArray();
        _reachingInclusiveJoins = _nodes.Values
            .OfType<InclusiveGateway>()
            .Where(g => g.Incoming.Count > 1)
            .ToFrozenDictionary(g => g.Id, g => NodesThatReach(g.Id));
    }

    /// <summary>The BPMN process id; Camunda calls it the definition key.</summary>
    public string Key { get; }
    public string? Name { get; }
    /// <summary>The none start event of the process, if it has one; instances started by a client begin there.</summary>
    public string? StartEventId { get; }
    /// <summary>The timer start events of the process; each schedules new instances on its own.</summary>
    public IReadOnlyList<StartEvent> TimerStartEvents { get; }
    /// <summary>The message start events of the process; a correlated message starts an instance at one.</summary>
    public IReadOnlyList<StartEvent> MessageStartEvents { get; }
    /// <summary>The signal start events of the process; a broadcast signal starts an instance at each.</summary>
    public IReadOnlyList<StartEvent> SignalStartEvents { get; }
    public IEnumerable<FlowNode> Nodes => _nodes.Values;

    /// <summary>The users who may start instances by hand (<c>camunda:candidateStarterUsers</c>); with the groups empty, anyone may.</summary>
    public IReadOnlyList<string> CandidateStarterUsers { get; init; } = [];
    /// <summary>The groups whose members may start instances by hand (<c>camunda:candidateStarterGroups</c>).</summary>
    public IReadOnlyList<string> CandidateStarterGroups { get; init; } = [];

    /// <summary>Whether a person may start an instance by hand: anyone when the process names no candidate starters.</summary>
    public bool MayBeStartedBy(string user, IEnumerable<string> groups) =>
        (CandidateStarterUsers.Count == 0 && CandidateStarterGroups.Count == 0)
        || CandidateStarterUsers.Contains(user, StringComparer.Ordinal)
        || groups.Any(g => CandidateStarterGroups.Contains(g, StringComparer.Ordinal));

    public FlowNode Node(string id) => _nodes[id];
    public SequenceFlow Flow(string id) => _flows[id];

    /// <summary>The event sub-processes of a scope (the process key or a sub-process id), in document order.</summary>
    public IReadOnlyList<EventSubProcess> EventSubProcessesOf(string scopeId) =>
        _eventSubProcesses.TryGetValue(scopeId, out var events) ? events : [];

    /// <summary>The boundary events attached to an activity, in document order.</summary>
    public IReadOnlyList<BoundaryEvent> BoundaryEventsOf(string activityId) =>
        _boundaryEvents.TryGetValue(activityId, out var events) ? events : [];

    /// <summary>
    /// True when a token resting at <paramref name="nodeId"/> could still arrive at the inclusive join
    /// <paramref name="joinId"/> without passing through the join itself.
    /// </summary>
    public bool CanReach(string nodeId, string joinId) =>
        _reachingInclusiveJoins.TryGetValue(joinId, out var reaching) && reaching.Contains(nodeId);

    private FrozenSet<string> NodesThatReach(string joinId)
    {
        var reaching = new HashSet<string>();
        var pending = new Stack<string>();
        foreach (var flowId in _nodes[joinId].Incoming) pending.Push(_flows[flowId].SourceId);
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            if (id == joinId || !reaching.Add(id)) continue;
            foreach (var flowId in _nodes[id].Incoming) pending.Push(_flows[flowId].SourceId);
        }
        return reaching.ToFrozenSet();
    }
}
