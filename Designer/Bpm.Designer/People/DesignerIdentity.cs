using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Bpm.Designer.People;

/// <summary>What the sign-in cookie holds, however the person signed in: the user id as name, a display name, the groups as roles.</summary>
public static class DesignerIdentity
{
    public static ClaimsPrincipal Of(DesignerUser user)
    {
        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Id));
        identity.AddClaim(new Claim(DesignerClaims.DisplayName, user.DisplayName));
        foreach (var group in user.Groups.Distinct(StringComparer.Ordinal)) identity.AddClaim(new Claim(ClaimTypes.Role, group));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The person a sign-in cookie holds; null when it holds nobody.</summary>
    public static DesignerUser? UserOf(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true && principal.Identity.Name is { } id
            ? new DesignerUser
            {
                Id = id,
                Name = principal.FindFirst(DesignerClaims.DisplayName)?.Value,
                Groups = [.. principal.FindAll(ClaimTypes.Role).Select(c => c.Value)],
            }
            : null;

    /// <summary>The person an identity provider signed in, from its claims; null when they name no user.</summary>
    public static DesignerUser? FromProvider(ClaimsPrincipal external, DesignerOidcOptions options)
    {
        var id = external.FindFirst(options.UserClaim)?.Value ?? external.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(id)) return null;
        return new DesignerUser
        {
            Id = id,
            Name = external.FindFirst(options.NameClaim)?.Value,
            Groups = [.. external.FindAll(options.GroupsClaim).Select(c => c.Value).Where(g => g.Length > 0)],
        };
    }
}
