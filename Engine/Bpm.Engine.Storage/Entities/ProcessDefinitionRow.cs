namespace Bpm.Engine.Storage.Entities;

public sealed class ProcessDefinitionRow
{
    public required string Id { get; set; }
    public required string Key { get; set; }
    public int Version { get; set; }
    public string? Name { get; set; }
    public required string DeploymentId { get; set; }
    public required string ResourceName { get; set; }
    public required string Xml { get; set; }
    /// <summary>SHA-256 of the resource, for duplicate filtering.</summary>
    public required string ContentHash { get; set; }
    public string? VersionTag { get; set; }
    public bool Suspended { get; set; }
    public DateTime DeploymentTime { get; set; }
}
