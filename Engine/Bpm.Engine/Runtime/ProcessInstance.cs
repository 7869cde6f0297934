using System.Text.Json.Nodes;

namespace Bpm.Engine.Runtime;

/// <summary>The whole runtime state of one process instance; stored as one document.</summary>
public sealed class ProcessInstance
{
    public required string Id { get; init; }
    public required string DefinitionId { get; init; }
    public required string DefinitionKey { get; init; }
    public string? BusinessKey { get; init; }
    /// <summary>For an instance started by a call activity: the calling instance and its call activity's token.</summary>
    public string? SuperInstanceId { get; init; }
    public string? SuperTokenId { get; init; }
    public InstanceState State { get; set; }
    public DateTimeOffset StartTime { get; init; }
    public DateTimeOffset? EndTime { get; set; }
    public JsonObject Variables { get; set; } = [];
    public List<Token> Tokens { get; set; } = [];
    public List<TimerSubscription> Timers { get; set; } = [];
    public List<MessageSubscription> Messages { get; set; } = [];
    /// <summary>Completed activities that can still be undone, oldest first.</summary>
    public List<CompensationRecord> Compensations { get; set; } = [];

    public Token? FindToken(string id) => Tokens.Find(t => t.Id == id);

    public bool IsEnded => State is InstanceState.Completed or InstanceState.ExternallyTerminated or InstanceState.InternallyTerminated;
}
