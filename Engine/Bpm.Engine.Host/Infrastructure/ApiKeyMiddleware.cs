using System.Text;
using Bpm.Contracts.Rest;

namespace Bpm.Engine.Host.Infrastructure;

/// <summary>
/// Every API call must carry a configured key in <c>x-api-key</c>, or a configured user's name and password
/// (HTTP Basic). A keyed caller may act for a configured user by naming it in <c>x-bpm-user</c>. Keys are compared
/// in constant time (as SHA-256 digests, so their lengths leak nothing) and never logged. Health probes,
/// <c>/metrics</c>, the API reference and the designer's pages stay open.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyRing keys, UserDirectory users)
{
    public const string Header = "x-api-key";
    public const string UserHeader = "x-bpm-user";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsProtected(context.Request.Path))
        {
            await next(context);
            return;
        }
        var failure = Authenticate(context);
        if (failure is not null)
        {
            await new JsonResult(new ExceptionDto("AuthenticationException", failure), StatusCodes.Status401Unauthorized).ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    /// <summary>Null when the caller is known (and its user attached, if any), else why not.</summary>
    private string? Authenticate(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var user = Basic(authorization["Basic ".Length..].Trim());
            if (user is null) return "The user name or password is wrong";
            user.AttachTo(context);
            return null;
        }
        if (!keys.Accepts(context.Request.Headers[Header].ToString()))
            return $"A valid API key is required in the '{Header}' header, or a user's name and password (HTTP Basic)";
        var actingFor = context.Request.Headers[UserHeader].ToString();
        if (actingFor.Length == 0) return null;
        var named = users.Find(actingFor);
        if (named is null) return $"'{actingFor}' in the '{UserHeader}' header is no configured user";
        named.AttachTo(context);
        return null;
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
        path.StartsWithSegments("/engine-rest") || path.StartsWithSegments("/api");
}
