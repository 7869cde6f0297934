using System.Security.Cryptography;
using System.Text;
using Bpm.Contracts.Rest;

namespace Bpm.Engine.Host.Infrastructure;

/// <summary>
/// Every API call must carry a configured key in <c>x-api-key</c>. Keys are compared in constant time
/// (as SHA-256 digests, so their lengths leak nothing) and never logged. Health probes, <c>/metrics</c> and
/// the API reference stay open.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyRing keys)
{
    public const string Header = "x-api-key";

    public async Task InvokeAsync(HttpContext context)
    {
        if (IsProtected(context.Request.Path) && !keys.Accepts(context.Request.Headers[Header].ToString()))
        {
            await new JsonResult(
                new ExceptionDto("AuthenticationException", $"A valid API key is required in the '{Header}' header"),
                StatusCodes.Status401Unauthorized).ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static bool IsProtected(PathString path) =>
        path.StartsWithSegments("/engine-rest") || path.StartsWithSegments("/api");
}
