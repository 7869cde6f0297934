namespace Bpm.Workers.Sdk;

/// <summary>One input or output variable of an activity, as the modeler's template shows it.</summary>
public sealed record ActivityField(
    string Name,
    string Label,
    ActivityFieldType Type = ActivityFieldType.String,
    bool Required = false,
    string? Description = null,
    string? DefaultValue = null,
    IReadOnlyList<string>? Choices = null);
