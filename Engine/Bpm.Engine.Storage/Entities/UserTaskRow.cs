namespace Bpm.Engine.Storage.Entities;

/// <summary>A human task waiting for its assignee or a candidate; its id is the token's activity instance id.</summary>
public sealed class UserTaskRow
{
    public required string Id { get; set; }
    public required string ProcessInstanceId { get; set; }
    public required string DefinitionId { get; set; }
    public required string DefinitionKey { get; set; }
    public required string TaskDefinitionKey { get; set; }
    public string? BusinessKey { get; set; }
    public string? Name { get; set; }
    public string? Assignee { get; set; }
    public string? FormKey { get; set; }
    public DateTime CreateTime { get; set; }
    public DateTime? Due { get; set; }
    public DateTime? FollowUp { get; set; }
    public int Priority { get; set; }
    public bool Suspended { get; set; }
}
