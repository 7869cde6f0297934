using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Bpm.Testing;

/// <summary>
/// An OpenID Connect issuer at the HTTP level (WireMock.Net): it serves its discovery document and its JWKS, and the
/// tests sign its access tokens (RS256) here, with its key or with a stranger's.
/// </summary>
public sealed class TestIssuer : IDisposable
{
    public const string KeyId = "issuer-key-1";
    public const string Audience = "bpm-api";

    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly RSA _key = RSA.Create(2048);

    public TestIssuer()
    {
        var discovery = new JsonObject
        {
            ["issuer"] = Url,
            ["jwks_uri"] = Url + "/jwks",
            ["authorization_endpoint"] = Url + "/authorize",
            ["token_endpoint"] = Url + "/token",
            ["userinfo_endpoint"] = Url + "/userinfo",
            ["end_session_endpoint"] = Url + "/end-session",
            ["response_types_supported"] = new JsonArray("code"),
            ["subject_types_supported"] = new JsonArray("public"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        };
        var key = _key.ExportParameters(includePrivateParameters: false);
        var jwks = new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = KeyId,
                ["n"] = Base64Url(key.Modulus!), ["e"] = Base64Url(key.Exponent!),
            }),
        };
        Serve("/.well-known/openid-configuration", discovery);
        Serve("/jwks", jwks);
    }

    /// <summary>The issuer's URL, as its tokens name it (<c>iss</c>).</summary>
    public string Url => _server.Url!;

    /// <summary>An access token for <paramref name="user"/> (<c>preferred_username</c>) in <paramref name="groups"/>.</summary>
    /// <param name="expiresIn">Negative for a token that has already expired.</param>
    /// <param name="signedBy">A stranger's key instead of the issuer's.</param>
    public string Token(string user, string[] groups, TimeSpan? expiresIn = null, string audience = Audience, RSA? signedBy = null)
    {
        var now = DateTimeOffset.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(10));
        var issued = expires < now ? expires - TimeSpan.FromHours(1) : now;
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = KeyId };
        var payload = new JsonObject
        {
            ["iss"] = Url,
            ["sub"] = "subject-of-" + user,
            ["preferred_username"] = user,
            ["groups"] = new JsonArray([.. groups.Select(g => (JsonNode)g)]),
            ["aud"] = audience,
            ["iat"] = issued.ToUnixTimeSeconds(),
            ["nbf"] = issued.ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
        };
        var signedPart = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = (signedBy ?? _key).SignData(Encoding.ASCII.GetBytes(signedPart), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signedPart + "." + Base64Url(signature);
    }

    private void Serve(string path, JsonObject body) =>
        _server.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body.ToJsonString()));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
        _key.Dispose();
    }
}
