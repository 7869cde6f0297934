namespace Bpm.Engine.Host.Infrastructure;

/// <summary>
/// <c>Bpm:Auth</c>: the API keys machine clients send in <c>x-api-key</c>, the users people sign in as, the groups
/// people need for operators' and analysts' calls, and the identity provider whose bearer tokens are accepted.
/// </summary>
public sealed class ApiKeyOptions
{
    public List<string> ApiKeys { get; set; } = [];
    public List<ConfiguredUser> Users { get; set; } = [];
    public PermissionGroups Groups { get; set; } = new();
    public OidcOptions Oidc { get; set; } = new();
}
