namespace Bpm.Designer.People;

/// <summary>Someone who may sign in to the designer, and their groups (<c>Bpm:Designer:Users:n</c>, or the engine's users when embedded).</summary>
public sealed class DesignerUser
{
    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public List<string> Groups { get; set; } = [];

    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name;
}
