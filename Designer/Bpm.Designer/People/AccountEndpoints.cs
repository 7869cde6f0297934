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
/// With <c>Bpm:Designer:Oidc</c>, <c>/account/sso</c> sends the browser to the identity provider instead, and
/// <c>/account/logout</c> ends the session there too.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app, DesignerOidcOptions oidc)
    {
        app.MapPost("/account/login", LoginAsync).AllowAnonymous();
        if (oidc.Enabled) app.MapGet("/account/sso", (string? returnUrl) => OidcSignIn.Challenge(returnUrl)).AllowAnonymous();
        // A link, not a form: the worst a forged sign-out can do is ask the user to sign in again.
        app.MapGet("/account/logout", async (HttpContext http) =>
        {
            // Signed in at an identity provider that ends sessions, the browser goes there too, and comes back to sign in.
            var atProvider = oidc.Enabled && await OidcSignIn.EndsSessionsAsync(http);
            if (atProvider) await http.SignOutAsync(OidcSignIn.Scheme, new AuthenticationProperties { RedirectUri = http.Request.PathBase + "/login" });
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return atProvider ? Results.Empty : Results.LocalRedirect("~/login");
        });
        return app;
    }

    private static async Task<IResult> LoginAsync(HttpContext http, IAntiforgery antiforgery, DesignerUsers users, EngineClient engine, CancellationToken ct)
    {
        await antiforgery.ValidateRequestAsync(http);
        var form = await http.Request.ReadFormAsync(ct);
        var id = form["user"].ToString().Trim();
        var returnUrl = LocalPath(form["returnUrl"].ToString());
        var user = users.Find(id);
        if (user is null || !await engine.VerifyAsync(id, form["password"].ToString(), ct))
            return Results.LocalRedirect($"~/login?failed=true&ReturnUrl={Uri.EscapeDataString(returnUrl)}");

        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, DesignerIdentity.Of(user));
        return Results.LocalRedirect("~" + returnUrl);
    }

    /// <summary>Where to go after signing in: a path on this site, never another site (<c>//evil.example</c>).</summary>
    public static string LocalPath(string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal) || returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? "/" : returnUrl;
}
