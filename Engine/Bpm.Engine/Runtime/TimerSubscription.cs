namespace Bpm.Engine.Runtime;

/// <summary>A pending timer of an instance: a timer catch event's token, or a boundary timer on an activity's token.</summary>
public sealed class TimerSubscription
{
    public required string Id { get; init; }
    /// <summary>The timer event: an intermediate catch event or a boundary event.</summary>
    public required string ElementId { get; init; }
    /// <summary>The token that waits at the catch event, or the token of the activity the boundary event is attached to.</summary>
    public required string TokenId { get; init; }
    public DateTimeOffset DueAt { get; init; }
    /// <summary>For a repeating timer: the cycle still to come after this firing; null when this is the last.</summary>
    public Timers.TimerCycle? Cycle { get; init; }
}
