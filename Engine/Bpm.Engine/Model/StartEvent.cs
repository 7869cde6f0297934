namespace Bpm.Engine.Model;

/// <summary>A none start event, or a timer start event when <see cref="Timer"/> is set.</summary>
public sealed record StartEvent(string Id, string? Name, string ScopeId) : FlowNode(Id, Name, ScopeId)
{
    public TimerDefinition? Timer { get; init; }

    public override string ActivityType => Timer is null ? "startEvent" : "startTimerEvent";
}
