namespace Bpm.Engine.Host.Infrastructure;

/// <summary>
/// <c>Bpm:Auth:Oidc</c>: with an <c>Authority</c>, the API accepts the identity provider's access tokens
/// (<c>Authorization: Bearer</c>), signed with a key of the provider's JWKS and not expired. The user is the
/// <c>UserClaim</c> (or <c>sub</c> when the token has none), the groups the <c>GroupsClaim</c>.
/// </summary>
public sealed class OidcOptions
{
    /// <summary>The issuer, whose <c>.well-known/openid-configuration</c> names its keys; empty turns bearer tokens off.</summary>
    public string? Authority { get; set; }
    /// <summary>The audience tokens must name (<c>aud</c>); empty accepts any audience of the issuer's tokens.</summary>
    public string? Audience { get; set; }
    public string UserClaim { get; set; } = "preferred_username";
    public string GroupsClaim { get; set; } = "groups";
    /// <summary>Off only for a development issuer on plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
