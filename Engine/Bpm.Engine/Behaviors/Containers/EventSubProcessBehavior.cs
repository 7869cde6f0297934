using Bpm.Engine.Model;
using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors.Containers;

/// <summary>An event sub-process whose event occurred: a scope whose start event has already been triggered.</summary>
internal sealed class EventSubProcessBehavior : INodeBehavior
{
    public void Activate(CommandContext context, Token token)
    {
        var eventSubProcess = (EventSubProcess)context.Definition.Node(token.NodeId);
        token.State = TokenState.Waiting;
        token.Variables ??= [];
        context.Enter(eventSubProcess.StartEventId, token.Id, arrivedBy: null, triggered: true);
    }
}
