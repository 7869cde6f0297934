namespace Bpm.Engine.Host.Infrastructure;

/// <summary><c>Bpm:Auth:Users:n</c>: a person who may call the API with HTTP Basic auth, and the groups they belong to.</summary>
public sealed class ConfiguredUser
{
    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public string Password { get; set; } = "";
    public List<string> Groups { get; set; } = [];
}
