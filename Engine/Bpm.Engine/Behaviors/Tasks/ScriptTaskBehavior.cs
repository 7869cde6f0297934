using Bpm.Engine.Model;
using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors.Tasks;

/// <summary>A JavaScript script task, run in the sandbox; its value may be stored in a result variable.</summary>
internal sealed class ScriptTaskBehavior : INodeBehavior
{
    public void Activate(CommandContext context, Token token)
    {
        var task = (ScriptTask)context.Definition.Node(token.NodeId);
        if (task.IsExpression)
        {
            var value = context.Evaluate(task.Script, token);
            if (!value.IsSuccess)
            {
                context.Fail(token, IncidentTypes.FailedExpression, $"Script task '{task.Id}' failed: {value.Error}");
                return;
            }
            if (task.ResultVariable is not null) context.SetVariable(token.Id, task.ResultVariable, value.Value);
            context.Schedule(new Step.Complete(token));
            return;
        }
        var outcome = context.Services.Scripts.Run(task.Script, context.VisibleVariables(token), context.Instance.BusinessKey);
        if (!outcome.IsSuccess)
        {
            context.Fail(token, IncidentTypes.FailedScript, $"Script task '{task.Id}' failed: {outcome.Error}");
            return;
        }
        foreach (var (name, value) in outcome.VariablesSet) context.SetVariable(token.Id, name, value);
        if (task.ResultVariable is not null) context.SetVariable(token.Id, task.ResultVariable, outcome.Result);
        context.Schedule(new Step.Complete(token));
    }
}
