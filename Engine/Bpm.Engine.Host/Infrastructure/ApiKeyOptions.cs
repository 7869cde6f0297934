namespace Bpm.Engine.Host.Infrastructure;

/// <summary><c>Bpm:Auth</c>: the API keys machine clients send in <c>x-api-key</c>, and the users people sign in as.</summary>
public sealed class ApiKeyOptions
{
    public List<string> ApiKeys { get; set; } = [];
    public List<ConfiguredUser> Users { get; set; } = [];
}
