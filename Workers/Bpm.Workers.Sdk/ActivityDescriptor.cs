namespace Bpm.Workers.Sdk;

/// <summary>
/// A ready-made activity: the task type (topic) its handler serves, how the palette names it, and the
/// variables it reads and writes. Published to the engine as a Camunda element template.
/// </summary>
public sealed record ActivityDescriptor(
    string TaskType,
    string Name,
    string? Description = null,
    IReadOnlyList<ActivityField>? Inputs = null,
    IReadOnlyList<ActivityField>? Outputs = null,
    int Version = 1,
    int Retries = 3,
    string? Category = null);
