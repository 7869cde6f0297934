using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors;

/// <summary>How one kind of BPMN node acts when a token enters it and when it is done.</summary>
internal interface INodeBehavior
{
    /// <summary>The token has entered the node. Either schedule its completion or leave it waiting.</summary>
    void Activate(CommandContext context, Token token);

    /// <summary>The node's work is done: by default the token leaves along its outgoing flows.</summary>
    void Complete(CommandContext context, Token token) => OutgoingFlows.Leave(context, token);
}
