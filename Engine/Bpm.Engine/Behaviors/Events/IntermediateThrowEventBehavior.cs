using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors.Events;

/// <summary>A none intermediate throw event marks a milestone; the token passes straight on.</summary>
internal sealed class IntermediateThrowEventBehavior : INodeBehavior
{
    public void Activate(CommandContext context, Token token) => context.Schedule(new Step.Complete(token));
}
