namespace Bpm.Engine.Storage.Entities;

public sealed class DeploymentRow
{
    public required string Id { get; set; }
    public string? Name { get; set; }
    public string? Source { get; set; }
    public string? TenantId { get; set; }
    public DateTime DeploymentTime { get; set; }
}
