namespace Bpm.Engine.Storage;

/// <summary>A deployment as Camunda's <c>POST /deployment/create</c> describes it.</summary>
public sealed record DeploymentRequest(
    string? Name,
    string? Source,
    string? TenantId,
    bool EnableDuplicateFiltering,
    bool DeployChangedOnly,
    IReadOnlyList<DeploymentResource> Resources);
