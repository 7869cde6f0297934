using System.Security.Claims;
using Bpm.Designer.Engine;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bpm.Designer.People;

/// <summary>
/// Sign-in and sign-out as plain form posts (a cookie can only be set on an HTTP response). The password is checked by
/// the engine (HTTP Basic on its API), the groups come from the designer's users; the designer never stores the password.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/login", LoginAsync).AllowAnonymous();
        // A link, not a form: the worst a forged sign-out can do is ask the user to sign in again.
        app.MapGet("/account/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("~/login");
        });
        return app;
    }

    private static async Task<IResult> LoginAsync(HttpContext http, IAntiforgery antiforgery, DesignerUsers users, EngineClient engine, CancellationToken ct)
    {
        await antiforgery.ValidateRequestAsync(http);
        var form = await http.Request.ReadFormAsync(ct);
        var id = form["user"].ToString().Trim();
        var returnUrl = form["returnUrl"].ToString();
        if (string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal)) returnUrl = "/";
        var user = users.Find(id);
        if (user is null || !await engine.VerifyAsync(id, form["password"].ToString(), ct))
            return Results.LocalRedirect($"~/login?failed=true&ReturnUrl={Uri.EscapeDataString(returnUrl)}");

        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Id));
        identity.AddClaim(new Claim(DesignerClaims.DisplayName, user.DisplayName));
        foreach (var group in user.Groups) identity.AddClaim(new Claim(ClaimTypes.Role, group));
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect("~" + returnUrl);
    }
}
