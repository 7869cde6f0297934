using Bpm.Engine.Model;
using Bpm.Engine.Runtime;
using Bpm.Engine.Runtime.Effects;

namespace Bpm.Engine.Behaviors.Tasks;

/// <summary>An external service task: the token waits until a worker of the task's topic completes it.</summary>
internal sealed class ServiceTaskBehavior : INodeBehavior
{
    public void Activate(CommandContext context, Token token)
    {
        var task = (ServiceTask)context.Definition.Node(token.NodeId);
        var topic = ValueExpressions.String(context, token, task.Topic, "topic");
        if (topic is null) return;
        token.State = TokenState.Waiting;
        context.Record(new ExternalTaskCreated(token.Id, task.Id, topic, task.Retries, task.Priority, context.Now) { RetryBackoff = task.RetryBackoff });
    }
}
