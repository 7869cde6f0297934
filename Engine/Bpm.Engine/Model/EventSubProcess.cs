namespace Bpm.Engine.Model;

/// <summary>
/// An event sub-process: while its enclosing scope is active it waits for the event of its start event (a
/// timer, message, signal or error); it then runs inside that scope, interrupting it or not
/// (<see cref="StartEvent.IsInterrupting"/>).
/// </summary>
public sealed record EventSubProcess(string Id, string? Name, string ScopeId, string StartEventId) : FlowNode(Id, Name, ScopeId)
{
    public override string ActivityType => "eventSubProcess";
    public override bool IsWaitState => true;
}
