namespace Bpm.Engine.Storage;

/// <summary>One topic of a fetch-and-lock request, with the filters Camunda offers.</summary>
public sealed record FetchTopic(
    string TopicName,
    long LockDuration,
    IReadOnlyList<string>? Variables = null,
    bool LocalVariables = false,
    string? BusinessKey = null,
    IReadOnlyList<string>? ProcessDefinitionKeys = null,
    IReadOnlyList<string>? ProcessDefinitionIds = null);
