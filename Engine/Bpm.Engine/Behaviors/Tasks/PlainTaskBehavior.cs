using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors.Tasks;

/// <summary>A <c>task</c> or <c>manualTask</c>: nothing for the engine to do; the token passes on.</summary>
internal sealed class PlainTaskBehavior : INodeBehavior
{
    public void Activate(CommandContext context, Token token) => context.Schedule(new Step.Complete(token));
}
