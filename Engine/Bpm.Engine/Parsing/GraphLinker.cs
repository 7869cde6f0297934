using System.Xml.Linq;
using Bpm.Engine.Model;

namespace Bpm.Engine.Parsing;

/// <summary>
/// Connects nodes through their sequence flows and checks the graph: every reference resolves, flows
/// stay within one scope, start events have no incoming and end events no outgoing flows, and a
/// gateway's default flow is one of its outgoing flows.
/// </summary>
internal sealed class GraphLinker(ParseErrors errors, IReadOnlyDictionary<string, XElement> elements)
{
    public IReadOnlyList<FlowNode> Link(IReadOnlyList<FlowNode> nodes, IReadOnlyList<(SequenceFlow Flow, XElement Element)> flows)
    {
        var byId = nodes.ToDictionary(n => n.Id);
        var incoming = nodes.ToDictionary(n => n.Id, _ => new List<string>());
        var outgoing = nodes.ToDictionary(n => n.Id, _ => new List<string>());
        var flowTargets = flows.ToDictionary(f => f.Flow.Id, f => f.Flow.TargetId);
        foreach (var (flow, element) in flows)
        {
            var ok = true;
            if (!byId.TryGetValue(flow.SourceId, out var source))
            {
                errors.Add(element, $"Sequence flow '{flow.Id}' has sourceRef '{flow.SourceId}', which is no flow node of this process");
                ok = false;
            }
            if (!byId.TryGetValue(flow.TargetId, out var target))
            {
                errors.Add(element, $"Sequence flow '{flow.Id}' has targetRef '{flow.TargetId}', which is no flow node of this process");
                ok = false;
            }
            if (!ok) continue;
            if (source!.ScopeId != target!.ScopeId || FlowScope(element) != source.ScopeId)
            {
                errors.Add(element, $"Sequence flow '{flow.Id}' connects '{source.Id}' and '{target.Id}' across a sub-process boundary");
                continue;
            }
            outgoing[source.Id].Add(flow.Id);
            incoming[target.Id].Add(flow.Id);
        }

        var linked = new List<FlowNode>(nodes.Count);
        foreach (var node in nodes)
        {
            var element = elements[node.Id];
            var ins = incoming[node.Id];
            var outs = outgoing[node.Id];
            switch (node)
            {
                case StartEvent when ins.Count > 0:
                    errors.Add(element, $"Start event '{node.Id}' has incoming sequence flows");
                    break;
                case EndEvent when outs.Count > 0:
                    errors.Add(element, $"End event '{node.Id}' has outgoing sequence flows");
                    break;
                case ExclusiveGateway or InclusiveGateway or ParallelGateway or EventBasedGateway when outs.Count == 0:
                    errors.Add(element, $"Gateway '{node.Id}' has no outgoing sequence flow");
                    break;
                case EventBasedGateway when outs.Count < 2:
                    errors.Add(element, $"Event-based gateway '{node.Id}' needs at least two outgoing sequence flows");
                    break;
                case EventBasedGateway when outs.Select(f => byId[flowTargets[f]]).FirstOrDefault(t => t is not (IntermediateCatchEvent or ReceiveTask)) is { } wrong:
                    errors.Add(element, $"Event-based gateway '{node.Id}' leads to '{wrong.Id}' ({wrong.ActivityType}); only timer and message catch events and receive tasks may follow it");
                    break;
                case { IsForCompensation: true } when ins.Count > 0 || outs.Count > 0:
                    errors.Add(element, $"Compensation handler '{node.Id}' has sequence flows; it is reached only through its compensation boundary event");
                    break;
                case BoundaryEvent { CompensationHandlerId: { } handler } when !byId.TryGetValue(handler, out var handlerNode) || !handlerNode.IsForCompensation:
                    errors.Add(element, $"Compensation boundary event '{node.Id}' is associated with '{handler}', which is no activity with isForCompensation=\"true\"");
                    break;
                case BoundaryEvent when ins.Count > 0:
                    errors.Add(element, $"Boundary event '{node.Id}' has incoming sequence flows");
                    break;
                case BoundaryEvent boundary when !byId.TryGetValue(boundary.AttachedToId, out var host)
                    || host is not (ServiceTask or UserTask or ScriptTask or PlainTask or SubProcess or ReceiveTask or CallActivity) || host.ScopeId != boundary.ScopeId:
                    errors.Add(element, $"Boundary event '{node.Id}' is attached to '{boundary.AttachedToId}', which is no activity of its scope");
                    break;
            }
            var defaultFlow = node switch
            {
                ExclusiveGateway g => g.DefaultFlowId,
                InclusiveGateway g => g.DefaultFlowId,
                _ => (string?)element.Attribute("default"),
            };
            if (defaultFlow is not null && !outs.Contains(defaultFlow))
                errors.Add(element, $"'{node.Id}' names default flow '{defaultFlow}', which is not one of its outgoing sequence flows");
            else if (defaultFlow is not null && node is not (ExclusiveGateway or InclusiveGateway))
                errors.Add(element, $"'{node.Id}' has a default flow; default flows are supported on exclusive and inclusive gateways");
            linked.Add(node with { Incoming = ins, Outgoing = outs });
        }
        return linked;
    }

    private static string? FlowScope(XElement flow) => (string?)flow.Parent?.Attribute("id");
}
