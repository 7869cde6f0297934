using System.Security.Claims;
using Bpm.Designer.People;

namespace Bpm.Designer.Tests.People;

public sealed class DesignerIdentityTests
{
    private static ClaimsPrincipal Provider(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "oidc"));

    [Fact]
    public void Should_take_the_user_name_and_groups_from_the_providers_claims_as_the_sign_in_cookie_holds_them()
    {
        var external = Provider(("sub", "4f1c"), ("preferred_username", "arthur"), ("name", "Arthur Approver"), ("groups", "approvers"), ("groups", "operators"));

        var user = DesignerIdentity.FromProvider(external, new DesignerOidcOptions());
        var cookie = DesignerIdentity.Of(user!);

        Assert.Equal("arthur", cookie.Identity!.Name);
        Assert.Equal("Arthur Approver", cookie.FindFirst(DesignerClaims.DisplayName)!.Value);
        Assert.True(cookie.IsInRole("approvers"));
        Assert.True(cookie.IsInRole(DesignerClaims.Operators));
        Assert.False(cookie.IsInRole(DesignerClaims.Analysts));
    }

    [Fact]
    public void Should_use_the_configured_claims_and_fall_back_to_the_subject()
    {
        var external = Provider(("sub", "4f1c"), ("roles", "analysts"));

        var user = DesignerIdentity.FromProvider(external, new DesignerOidcOptions { UserClaim = "email", GroupsClaim = "roles" });

        Assert.Equal("4f1c", user!.Id);
        Assert.Equal("4f1c", user.DisplayName);
        Assert.Equal(["analysts"], user.Groups);
    }

    [Fact]
    public void Should_name_nobody_when_the_provider_names_no_user()
    {
        Assert.Null(DesignerIdentity.FromProvider(Provider(("groups", "approvers")), new DesignerOidcOptions()));
    }
}
