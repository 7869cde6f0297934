using Bpm.Engine.Model;
using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors.Containers;

/// <summary>
/// An embedded sub-process opens a variable scope and starts a token at its start event; it completes
/// when no token is left inside.
/// </summary>
internal sealed class SubProcessBehavior : INodeBehavior
{
    public void Activate(CommandContext context, Token token)
    {
        var subProcess = (SubProcess)context.Definition.Node(token.NodeId);
        token.State = TokenState.Waiting;
        token.Variables ??= [];
        if (!EventSubProcesses.Subscribe(context, subProcess.Id, token)) return;
        context.Enter(subProcess.StartEventId, token.Id, arrivedBy: null);
    }
}
