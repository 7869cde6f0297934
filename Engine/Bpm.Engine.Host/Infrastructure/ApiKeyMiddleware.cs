using System.Security.Cryptography;
using System.Text;
using Bpm.Contracts.Rest;

namespace Bpm.Engine.Host.Infrastructure;

/// <summary>
/// Every API call must carry a configured key in <c>x-api-key</c>. Keys are compared in constant time
/// (as SHA-256 digests, so their lengths leak nothing) and never logged. Health probes and the API
/// reference stay open.
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

/// <summary>The accepted keys, held as digests.</summary>
public sealed class ApiKeyRing
{
    private readonly byte[][] _digests;

    public ApiKeyRing(IEnumerable<string> keys) =>
        _digests = keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => SHA256.HashData(Encoding.UTF8.GetBytes(k.Trim()))).ToArray();

    public bool Accepts(string? presented)
    {
        if (string.IsNullOrEmpty(presented)) return false;
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var accepted = false;
        foreach (var known in _digests) accepted |= CryptographicOperations.FixedTimeEquals(known, digest);
        return accepted;
    }
}
