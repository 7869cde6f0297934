namespace Bpm.Designer.People;

/// <summary>
/// <c>Bpm:Designer:Oidc</c>: with an <c>Authority</c> and a <c>ClientId</c>, people sign in at the identity provider
/// (authorization code flow with PKCE) instead of with a password. The user is the <c>UserClaim</c> (or <c>sub</c>),
/// the groups, which open the modeler and the cockpit, the <c>GroupsClaim</c>.
/// </summary>
public sealed class DesignerOidcOptions
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>Scopes asked for besides <c>openid</c> and <c>profile</c> (a provider may want one for the groups claim).</summary>
    public List<string> Scopes { get; set; } = [];
    public string UserClaim { get; set; } = "preferred_username";
    public string NameClaim { get; set; } = "name";
    public string GroupsClaim { get; set; } = "groups";
    /// <summary>Off only for a development provider on plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
    /// <summary>What the sign-in button says.</summary>
    public string DisplayName { get; set; } = "single sign-on";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
