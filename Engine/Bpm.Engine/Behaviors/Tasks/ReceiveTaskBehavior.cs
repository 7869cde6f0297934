using Bpm.Engine.Model;
using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors.Tasks;

/// <summary>A receive task: the token waits until its message is correlated.</summary>
internal sealed class ReceiveTaskBehavior : INodeBehavior
{
    public void Activate(CommandContext context, Token token)
    {
        var task = (ReceiveTask)context.Definition.Node(token.NodeId);
        if (MessageSubscribing.Subscribe(context, token, task, task.Message)) token.State = TokenState.Waiting;
    }
}
