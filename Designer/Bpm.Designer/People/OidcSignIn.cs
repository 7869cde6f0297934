using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bpm.Designer.People;

/// <summary>
/// Sign-in at the identity provider: the code flow's answer becomes the designer's usual cookie (see
/// <see cref="DesignerIdentity"/>), so pages and the engine client see a person the same way as after a password sign-in.
/// </summary>
public static class OidcSignIn
{
    public const string Scheme = "oidc";

    public static AuthenticationBuilder AddDesignerOpenIdConnect(this AuthenticationBuilder builder, DesignerOidcOptions options)
    {
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"Bpm:Designer:Oidc:Authority must be an absolute URL, was '{options.Authority}'");
        if (string.IsNullOrWhiteSpace(options.ClientId))
            throw new InvalidOperationException("Bpm:Designer:Oidc:ClientId is required with Bpm:Designer:Oidc:Authority");
        return builder.AddOpenIdConnect(Scheme, o =>
        {
            o.Authority = options.Authority;
            o.ClientId = options.ClientId;
            o.ClientSecret = string.IsNullOrWhiteSpace(options.ClientSecret) ? null : options.ClientSecret;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.RequireHttpsMetadata = options.RequireHttpsMetadata;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.MapInboundClaims = false;
            // The id token names the session to end at the provider when the person signs out.
            o.SaveTokens = true;
            o.GetClaimsFromUserInfoEndpoint = true;
            o.ClaimActions.MapJsonKey(options.GroupsClaim, options.GroupsClaim);
            o.ClaimActions.MapJsonKey(options.UserClaim, options.UserClaim);
            foreach (var scope in options.Scopes.Where(s => !string.IsNullOrWhiteSpace(s))) o.Scope.Add(scope);
            o.Events.OnTicketReceived = context =>
            {
                var user = context.Principal is null ? null : DesignerIdentity.FromProvider(context.Principal, options);
                if (user is null) context.Fail($"The identity provider named no user (claim '{options.UserClaim}' or 'sub')");
                else context.Principal = DesignerIdentity.Of(user);
                return Task.CompletedTask;
            };
            o.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect(context.Request.PathBase + "/login?ssoFailed=true");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>
    /// Whether the identity provider names an end-session endpoint (OpenID Connect RP-initiated logout). One that names
    /// none, or cannot be reached, leaves the person signed in there; the designer still signs them out.
    /// </summary>
    public static async Task<bool> EndsSessionsAsync(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(Scheme);
        if (options.ConfigurationManager is not { } provider) return false;
        try
        {
            return !string.IsNullOrEmpty((await provider.GetConfigurationAsync(http.RequestAborted)).EndSessionEndpoint);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Sends the browser to the identity provider, to come back to <paramref name="returnUrl"/> (a local path).</summary>
    public static IResult Challenge(string? returnUrl) =>
        Results.Challenge(new AuthenticationProperties { RedirectUri = AccountEndpoints.LocalPath(returnUrl) }, [Scheme]);
}
