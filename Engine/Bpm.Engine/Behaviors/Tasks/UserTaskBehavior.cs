using System.Globalization;
using Bpm.Engine.Model;
using Bpm.Engine.Runtime;
using Bpm.Engine.Runtime.Effects;

namespace Bpm.Engine.Behaviors.Tasks;

/// <summary>A human task: the token waits until the assignee or a candidate completes it.</summary>
internal sealed class UserTaskBehavior : INodeBehavior
{
    public void Activate(CommandContext context, Token token)
    {
        var task = (UserTask)context.Definition.Node(token.NodeId);
        var assignee = task.Assignee is null ? null : ValueExpressions.String(context, token, task.Assignee, "assignee");
        var users = ValueExpressions.List(context, token, task.CandidateUsers, "candidateUsers");
        var groups = ValueExpressions.List(context, token, task.CandidateGroups, "candidateGroups");
        var due = ValueExpressions.Date(context, token, task.DueDate, "dueDate");
        var followUp = ValueExpressions.Date(context, token, task.FollowUpDate, "followUpDate");
        var priorityText = task.Priority is null ? "50" : ValueExpressions.String(context, token, task.Priority, "priority");
        if (token.State == TokenState.Failed || users is null || groups is null || priorityText is null) return;
        if (!int.TryParse(priorityText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var priority))
        {
            context.Fail(token, IncidentTypes.FailedExpression, $"The priority of '{task.Id}' is not an integer: '{priorityText}'");
            return;
        }
        token.State = TokenState.Waiting;
        context.Record(new UserTaskCreated(token.Id, task.Id, task.Name, assignee, users, groups, task.FormKey, due, followUp, priority, context.Now));
    }
}
