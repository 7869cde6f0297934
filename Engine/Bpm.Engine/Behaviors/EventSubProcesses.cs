using Bpm.Engine.Model;
using Bpm.Engine.Runtime;

namespace Bpm.Engine.Behaviors;

/// <summary>
/// Opens the waits of a scope's event sub-processes when the scope starts, and starts an event sub-process
/// when its event occurs. The owner of a scope's waits is the sub-process token, or the instance itself for
/// the process scope (its id stands for the owner).
/// </summary>
internal static class EventSubProcesses
{
    /// <summary>Subscribes the timer, message and signal starts of the scope's event sub-processes.</summary>
    public static bool Subscribe(CommandContext context, string scopeId, Token owner)
    {
        foreach (var eventSubProcess in context.Definition.EventSubProcessesOf(scopeId))
        {
            var start = (StartEvent)context.Definition.Node(eventSubProcess.StartEventId);
            if (start.Timer is { } timer && !TimerScheduling.Schedule(context, owner, start, timer)) return false;
            if (start.Message is { } message && !MessageSubscribing.Subscribe(context, owner, start, message)) return false;
            if (start.Signal is { } signal) MessageSubscribing.SubscribeSignal(context, owner, start, signal);
        }
        return true;
    }

    /// <summary>The event of <paramref name="start"/> occurred in the scope owned by <paramref name="owner"/>.</summary>
    public static void Trigger(CommandContext context, Token owner, StartEvent start, Action resubscribe)
    {
        var eventSubProcess = context.Definition.Node(start.ScopeId);
        var scopeTokenId = owner.Id == context.Instance.Id ? null : owner.Id;
        if (start.IsInterrupting)
        {
            context.CancelScope(scopeTokenId);
            TimerScheduling.CancelAll(context, owner);
            MessageSubscribing.CancelAll(context, owner);
        }
        else
        {
            resubscribe();
        }
        context.Enter(eventSubProcess.Id, scopeTokenId, arrivedBy: null, variables: []);
    }

    /// <summary>Ends the waits the process scope itself owns: the instance has ended.</summary>
    public static void CloseProcessScope(CommandContext context)
    {
        var scope = ProcessScope(context.Instance);
        TimerScheduling.CancelAll(context, scope);
        MessageSubscribing.CancelAll(context, scope);
    }

    /// <summary>The error event sub-process of <paramref name="scopeId"/> that catches <paramref name="errorCode"/>, if any.</summary>
    public static EventSubProcess? Catcher(ProcessDefinition definition, string scopeId, string errorCode)
    {
        var candidates = definition.EventSubProcessesOf(scopeId)
            .Select(e => (EventSubProcess: e, Start: (StartEvent)definition.Node(e.StartEventId)))
            .Where(e => e.Start.Error is not null && e.Start.Error.Catches(errorCode)).ToList();
        return (candidates.FirstOrDefault(c => c.Start.Error!.ErrorCode == errorCode).EventSubProcess) ?? candidates.FirstOrDefault().EventSubProcess;
    }

    /// <summary>A token standing for the process scope, so its waits have an owner.</summary>
    public static Token ProcessScope(ProcessInstance instance) => new() { Id = instance.Id, NodeId = instance.DefinitionKey };
}
