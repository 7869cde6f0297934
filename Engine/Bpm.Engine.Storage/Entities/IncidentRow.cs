namespace Bpm.Engine.Storage.Entities;

public sealed class IncidentRow
{
    public required string Id { get; set; }
    public required string IncidentType { get; set; }
    public required string Message { get; set; }
    public required string ProcessInstanceId { get; set; }
    public required string DefinitionId { get; set; }
    public required string ActivityId { get; set; }
    /// <summary>The activity instance (token) that stopped; for external tasks also the task id.</summary>
    public required string Configuration { get; set; }
    public DateTime Timestamp { get; set; }
}
