namespace Bpm.Engine.Storage.Entities;

/// <summary>A ready-made activity a worker host offers: a Camunda element template for the designer's palette.</summary>
public sealed class ActivityTemplateRow
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string Topic { get; set; }
    public int Version { get; set; }
    /// <summary>The element template JSON as the worker host published it.</summary>
    public required string Template { get; set; }
    /// <summary>The worker host that published it.</summary>
    public required string Source { get; set; }
    public DateTime UpdateTime { get; set; }
}
