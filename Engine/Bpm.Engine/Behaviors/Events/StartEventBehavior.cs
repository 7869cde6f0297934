using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors.Events;

/// <summary>A none start event: the token passes straight on.</summary>
internal sealed class StartEventBehavior : INodeBehavior
{
    public void Activate(CommandContext context, Token token) => context.Schedule(new Step.Complete(token));
}
