namespace Bpm.Engine.Model;

/// <summary>
/// A timer boundary event on an activity. Interrupting (<see cref="CancelActivity"/>) it cancels the activity
/// and leaves along its own flows; non-interrupting it starts a parallel path and the activity goes on.
/// </summary>
public sealed record BoundaryEvent(string Id, string? Name, string ScopeId, string AttachedToId, bool CancelActivity, TimerDefinition Timer)
    : FlowNode(Id, Name, ScopeId)
{
    public override string ActivityType => "boundaryTimer";
}
