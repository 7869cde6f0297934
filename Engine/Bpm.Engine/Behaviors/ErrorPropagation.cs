using Bpm.Engine.Model;
using Bpm.Engine.Runtime;
using Bpm.Engine.Runtime.Effects;

namespace Bpm.Engine.Behaviors;

/// <summary>
/// Carries a BPMN error from the token that threw it outwards: first to error boundary events on its own
/// activity, then on each enclosing sub-process. The catching boundary event cancels the activity it is
/// attached to, with everything inside, and its token leaves along the event's flows.
/// </summary>
internal static class ErrorPropagation
{
    /// <returns>True when a boundary event caught the error.</returns>
    public static bool TryCatch(CommandContext context, Token thrower, string errorCode, string? errorMessage)
    {
        for (var activity = thrower; activity is not null; activity = activity.ScopeTokenId is null ? null : context.Instance.FindToken(activity.ScopeTokenId))
        {
            var catcher = Catcher(context.Definition, activity.NodeId, errorCode);
            if (catcher is null)
            {
                var scopeId = activity.ScopeTokenId is null ? context.Definition.Key : context.Instance.FindToken(activity.ScopeTokenId)!.NodeId;
                var handler = EventSubProcesses.Catcher(context.Definition, scopeId, errorCode);
                if (handler is null) continue;
                var owner = activity.ScopeTokenId is null ? EventSubProcesses.ProcessScope(context.Instance) : context.Instance.FindToken(activity.ScopeTokenId)!;
                var start = (StartEvent)context.Definition.Node(handler.StartEventId);
                if (start.Error!.CodeVariable is { } code) context.SetVariable(activity.ScopeTokenId, code, errorCode);
                if (start.Error.MessageVariable is { } text) context.SetVariable(activity.ScopeTokenId, text, errorMessage);
                EventSubProcesses.Trigger(context, owner, start, () => { });
                return true;
            }
            context.CancelScope(activity.Id);
            context.End(activity, canceled: true);
            if (catcher.Error!.CodeVariable is { } codeVariable) context.SetVariable(activity.ScopeTokenId, codeVariable, errorCode);
            if (catcher.Error.MessageVariable is { } messageVariable) context.SetVariable(activity.ScopeTokenId, messageVariable, errorMessage);
            context.Enter(catcher.Id, activity.ScopeTokenId, arrivedBy: null);
            return true;
        }
        return false;
    }

    /// <summary>
    /// An error nobody in the instance catches: a called instance ends and hands it to its caller's call
    /// activity; a top-level instance stops the throwing token with an incident.
    /// </summary>
    public static void Uncaught(CommandContext context, Token thrower, string errorCode, string? errorMessage)
    {
        var instance = context.Instance;
        if (instance.SuperTokenId is not null)
        {
            context.CancelScope(null);
            EventSubProcesses.CloseProcessScope(context);
            instance.State = InstanceState.InternallyTerminated;
            instance.EndTime = context.Now;
            context.Record(new InstanceEnded(instance.State, context.Now));
            context.Record(new ErrorThrownToCaller(errorCode, errorMessage));
            return;
        }
        context.Fail(thrower, IncidentTypes.UnhandledBpmnError,
            $"BPMN error '{errorCode}' thrown at '{thrower.NodeId}' was not caught" + (errorMessage is null ? "" : $": {errorMessage}"));
    }

    /// <summary>An exact match of the code wins over a catch-all boundary event.</summary>
    private static BoundaryEvent? Catcher(ProcessDefinition definition, string activityId, string errorCode)
    {
        var candidates = definition.BoundaryEventsOf(activityId).Where(b => b.Error is not null && b.Error.Catches(errorCode)).ToList();
        return candidates.FirstOrDefault(b => b.Error!.ErrorCode == errorCode) ?? candidates.FirstOrDefault();
    }
}
