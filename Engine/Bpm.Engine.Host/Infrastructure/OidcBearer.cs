using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Bpm.Engine.Host.Infrastructure;

/// <summary>
/// The identity provider's access tokens on the API (<c>Authorization: Bearer</c>, or <c>access_token</c> in the
/// query of the hubs, where browsers cannot set headers): checked against the issuer's published keys, with the
/// user and groups taken from the configured claims.
/// </summary>
public static class OidcBearer
{
    public const string Scheme = "BpmOidcBearer";

    public static WebApplicationBuilder AddOidcBearer(this WebApplicationBuilder builder, OidcOptions options)
    {
        if (!options.Enabled) return builder;
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"Bpm:Auth:Oidc:Authority must be an absolute URL such as https://login.example.com/realms/bpm, was '{options.Authority}'");
        if (string.IsNullOrWhiteSpace(options.UserClaim) || string.IsNullOrWhiteSpace(options.GroupsClaim))
            throw new InvalidOperationException("Bpm:Auth:Oidc:UserClaim and GroupsClaim must name claims");
        builder.Services.AddAuthentication().AddJwtBearer(Scheme, o =>
        {
            o.Authority = options.Authority;
            o.RequireHttpsMetadata = options.RequireHttpsMetadata;
            o.MapInboundClaims = false;
            if (string.IsNullOrWhiteSpace(options.Audience)) o.TokenValidationParameters.ValidateAudience = false;
            else o.Audience = options.Audience;
            o.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    if (context.HttpContext.Request.Path.StartsWithSegments(ApiKeyMiddleware.HubsPath)
                        && context.Request.Query["access_token"].ToString() is { Length: > 0 } token)
                        context.Token = token;
                    return Task.CompletedTask;
                },
            };
        });
        return builder;
    }

    /// <summary>Whether the request carries a bearer token, in its header or (on a hub) in its query.</summary>
    public static bool IsPresented(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        || (context.Request.Path.StartsWithSegments(ApiKeyMiddleware.HubsPath) && context.Request.Query.ContainsKey("access_token"));

    /// <summary>The user a valid token names, or why the token is refused.</summary>
    public static async Task<(CallingUser? User, string? Failure)> AuthenticateAsync(HttpContext context, OidcOptions options)
    {
        var result = await context.AuthenticateAsync(Scheme);
        if (result.None) return (null, "The request carries an empty bearer token");
        if (!result.Succeeded) return (null, Reason(result.Failure));
        var principal = result.Principal;
        var id = principal.FindFirst(options.UserClaim)?.Value ?? principal.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(id)) return (null, $"The bearer token names no user (claim '{options.UserClaim}' or 'sub')");
        var groups = principal.FindAll(options.GroupsClaim).Select(c => c.Value).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return (new CallingUser(id, groups), null);
    }

    private static string Reason(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "The bearer token has expired",
        SecurityTokenNotYetValidException => "The bearer token is not valid yet",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The bearer token's signature does not match the identity provider's keys",
        SecurityTokenInvalidIssuerException => "The bearer token comes from another issuer than Bpm:Auth:Oidc:Authority",
        SecurityTokenInvalidAudienceException => "The bearer token is not meant for this API (its audience is not Bpm:Auth:Oidc:Audience)",
        SecurityTokenMalformedException or ArgumentException => "The bearer token is not a well-formed JWT",
        InvalidOperationException => "The bearer token could not be checked: the identity provider's configuration could not be read",
        _ => "The bearer token is not valid",
    };
}
