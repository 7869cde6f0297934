namespace Bpm.Designer.People;

/// <summary>A user of the embedded default, taken from configuration (<c>Bpm:Designer:Users:n</c>).</summary>
public sealed class DemoUser
{
    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public List<string> Groups { get; set; } = [];

    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name;
}
