namespace Bpm.Contracts.Rest;

/// <summary>A deployed process definition, as returned by <c>GET /process-definition</c>.</summary>
public sealed record ProcessDefinitionDto(
    string Id,
    string Key,
    int Version,
    string? Name = null,
    string? Category = null,
    string? Description = null,
    string? Resource = null,
    string? DeploymentId = null,
    string? Diagram = null,
    bool Suspended = false,
    string? TenantId = null,
    string? VersionTag = null,
    int? HistoryTimeToLive = null,
    bool StartableInTasklist = true);
