using System.Text.Json.Nodes;

namespace Bpm.Contracts.Rest;

/// <summary>
/// A deployment; the <c>Deployed…Definitions</c> maps (keyed by definition id) are only filled in
/// the response of <c>POST /deployment/create</c>, and are null elsewhere.
/// </summary>
public sealed record DeploymentDto(
    string Id,
    string? Name,
    string? Source,
    DateTimeOffset DeploymentTime,
    string? TenantId = null,
    List<LinkDto>? Links = null,
    Dictionary<string, ProcessDefinitionDto>? DeployedProcessDefinitions = null,
    Dictionary<string, JsonObject>? DeployedCaseDefinitions = null,
    Dictionary<string, JsonObject>? DeployedDecisionDefinitions = null,
    Dictionary<string, JsonObject>? DeployedDecisionRequirementsDefinitions = null);
