using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors.Events;

/// <summary>A boundary event that fired: its token leaves along the event's outgoing flows.</summary>
internal sealed class BoundaryEventBehavior : INodeBehavior
{
    public void Activate(CommandContext context, Token token) => context.Schedule(new Step.Complete(token));
}
