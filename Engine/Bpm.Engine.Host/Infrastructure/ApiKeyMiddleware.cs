using System.Text;
using Bpm.Contracts.Rest;

namespace Bpm.Engine.Host.Infrastructure;

/// <summary>
/// Every API call (and every hub connection) must carry a configured key in <c>x-api-key</c>, a configured user's name
/// and password (HTTP Basic), or, with <c>Bpm:Auth:Oidc</c>, the identity provider's bearer token. A keyed caller may
/// act for a person by naming it in <c>x-bpm-user</c>: a configured user, or, where people come from the identity
/// provider, anyone, with the groups named in <c>x-bpm-groups</c>. Keys are compared in constant time (as SHA-256
/// digests, so their lengths leak nothing) and never logged. Health probes, <c>/metrics</c>, the API reference and the
/// designer's pages stay open.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyRing keys, UserDirectory users, BpmHostOptions options)
{
    public const string Header = "x-api-key";
    public const string UserHeader = "x-bpm-user";
    public const string GroupsHeader = "x-bpm-groups";
    public const string HubsPath = "/hubs";

    private static readonly object Authenticated = new();

    /// <summary>Whether this middleware let the request in; a person it acts for is then <see cref="CallingUser.Of"/>.</summary>
    public static bool IsAuthenticated(HttpContext context) => context.Items.ContainsKey(Authenticated);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsProtected(context.Request.Path))
        {
            await next(context);
            return;
        }
        var failure = await AuthenticateAsync(context);
        if (failure is not null)
        {
            await new JsonResult(new ExceptionDto("AuthenticationException", failure), StatusCodes.Status401Unauthorized).ExecuteAsync(context);
            return;
        }
        context.Items[Authenticated] = true;
        await next(context);
    }

    /// <summary>Null when the caller is known (and its user attached, if any), else why not.</summary>
    private async Task<string?> AuthenticateAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var user = Basic(authorization["Basic ".Length..].Trim());
            if (user is null) return "The user name or password is wrong";
            user.AttachTo(context);
            return null;
        }
        if (OidcBearer.IsPresented(context))
        {
            if (!options.Auth.Oidc.Enabled) return "Bearer tokens are not accepted here: Bpm:Auth:Oidc:Authority is not set";
            var (user, refused) = await OidcBearer.AuthenticateAsync(context, options.Auth.Oidc);
            if (user is null) return refused;
            user.AttachTo(context);
            return null;
        }
        if (!keys.Accepts(context.Request.Headers[Header].ToString()))
            return $"A valid API key is required in the '{Header}' header, a user's name and password (HTTP Basic), or a bearer token";
        var actingFor = context.Request.Headers[UserHeader].ToString();
        if (actingFor.Length == 0) return null;
        var named = users.Find(actingFor) ?? Delegated(context, actingFor);
        if (named is null) return $"'{actingFor}' in the '{UserHeader}' header is no configured user";
        named.AttachTo(context);
        return null;
    }

    /// <summary>Where people come from the identity provider, the keyed client vouches for the person and their groups.</summary>
    private CallingUser? Delegated(HttpContext context, string id)
    {
        if (!options.Auth.Oidc.Enabled) return null;
        var groups = context.Request.Headers[GroupsHeader].ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new CallingUser(id, [.. groups.Distinct(StringComparer.Ordinal)]);
    }

    private CallingUser? Basic(string encoded)
    {
        string text;
        try { text = Encoding.UTF8.GetString(Convert.FromBase64String(encoded)); }
        catch (FormatException) { return null; }
        var colon = text.IndexOf(':');
        return colon <= 0 ? null : users.Authenticate(text[..colon], text[(colon + 1)..]);
    }

    private static bool IsProtected(PathString path) =>
        path.StartsWithSegments("/engine-rest") || path.StartsWithSegments("/api") || path.StartsWithSegments(HubsPath);
}
