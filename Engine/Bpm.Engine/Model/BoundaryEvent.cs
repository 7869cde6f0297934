namespace Bpm.Engine.Model;

/// <summary>
/// A timer or error boundary event on an activity. Interrupting (<see cref="CancelActivity"/>) it cancels the
/// activity and leaves along its own flows; non-interrupting (timers only) it starts a parallel path and the
/// activity goes on.
/// </summary>
public sealed record BoundaryEvent(string Id, string? Name, string ScopeId, string AttachedToId, bool CancelActivity)
    : FlowNode(Id, Name, ScopeId)
{
    public TimerDefinition? Timer { get; init; }
    public ErrorEventDefinition? Error { get; init; }

    public override string ActivityType => Error is null ? "boundaryTimer" : "boundaryError";
}
