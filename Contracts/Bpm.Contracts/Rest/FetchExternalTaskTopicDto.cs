using System.Text.Json.Nodes;

namespace Bpm.Contracts.Rest;

/// <summary>One topic of a fetch-and-lock request; <c>Variables</c> null means all variables.</summary>
public sealed record FetchExternalTaskTopicDto(
    string TopicName,
    long LockDuration,
    List<string>? Variables = null,
    bool LocalVariables = false,
    string? BusinessKey = null,
    string? ProcessDefinitionId = null,
    List<string>? ProcessDefinitionIdIn = null,
    string? ProcessDefinitionKey = null,
    List<string>? ProcessDefinitionKeyIn = null,
    string? ProcessDefinitionVersionTag = null,
    JsonObject? ProcessVariables = null,
    bool DeserializeValues = false,
    bool IncludeExtensionProperties = false,
    List<string>? TenantIdIn = null,
    bool WithoutTenantId = false);
