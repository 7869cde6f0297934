namespace Bpm.Engine.Model;

public enum TimerKind
{
    /// <summary><c>timeDate</c>: an ISO 8601 date and time.</summary>
    Date,
    /// <summary><c>timeDuration</c>: an ISO 8601 duration from the moment the timer starts.</summary>
    Duration,
    /// <summary><c>timeCycle</c>: ISO 8601 repeating intervals (<c>R3/PT10M</c>) or a cron expression (<c>0 4 * * *</c>).</summary>
    Cycle,
}

/// <summary>A timer event definition; <see cref="Expression"/> is literal text or a FEEL/JUEL expression yielding it.</summary>
public sealed record TimerDefinition(TimerKind Kind, string Expression);
