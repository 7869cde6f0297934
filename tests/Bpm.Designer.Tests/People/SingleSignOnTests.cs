using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Web;
using Bpm.Designer.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Bpm.Designer.Tests.People;

/// <summary>
/// The stand-alone designer configured for an identity provider (stubbed at the HTTP level): people sign in there, by
/// the authorization code flow, instead of with a password.
/// </summary>
public sealed class SingleSignOnTests : IAsyncLifetime
{
    private readonly WireMockServer _provider = WireMockServer.Start();
    private HostProcess _designer = null!;

    public async Task InitializeAsync()
    {
        var url = _provider.Url!;
        Serve("/.well-known/openid-configuration", new JsonObject
        {
            ["issuer"] = url,
            ["authorization_endpoint"] = url + "/authorize",
            ["token_endpoint"] = url + "/token",
            ["userinfo_endpoint"] = url + "/userinfo",
            ["jwks_uri"] = url + "/jwks",
            ["response_types_supported"] = new JsonArray("code"),
            ["subject_types_supported"] = new JsonArray("public"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        });
        using var key = RSA.Create(2048);
        var parameters = key.ExportParameters(includePrivateParameters: false);
        Serve("/jwks", new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA", ["use"] = "sig", ["kid"] = "k1",
                ["n"] = Base64Url(parameters.Modulus!), ["e"] = Base64Url(parameters.Exponent!),
            }),
        });
        _designer = await HostProcess.StartDesignerAsync(new Uri("http://127.0.0.1:9/"), "designer-key", settings: new Dictionary<string, string>
        {
            ["Bpm__Designer__Oidc__Authority"] = url,
            ["Bpm__Designer__Oidc__ClientId"] = "bpm-designer",
            ["Bpm__Designer__Oidc__ClientSecret"] = "designer-secret",
            ["Bpm__Designer__Oidc__Scopes__0"] = "groups",
            ["Bpm__Designer__Oidc__DisplayName"] = "Example SSO",
            // The stub provider speaks plain HTTP on the loopback.
            ["Bpm__Designer__Oidc__RequireHttpsMetadata"] = "false",
        });
    }

    [Fact]
    public async Task Should_offer_single_sign_on_instead_of_a_password()
    {
        using var http = new HttpClient { BaseAddress = _designer.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        var page = await http.GetStringAsync("/login?ReturnUrl=%2Ftasks");

        Assert.Contains("id=\"login-sso\"", page);
        Assert.Contains("Sign in with Example SSO", page);
        Assert.Contains("account/sso?returnUrl=%2Ftasks", page);
        Assert.DoesNotContain("login-password", page);
    }

    [Fact]
    public async Task Should_send_the_browser_to_the_identity_provider_for_a_code_with_pkce()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _designer.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        var response = await http.GetAsync("/account/sso?returnUrl=%2Ftasks");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(_provider.Url + "/authorize", location.GetLeftPart(UriPartial.Path));
        var query = HttpUtility.ParseQueryString(location.Query);
        Assert.Equal("bpm-designer", query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(["openid", "profile", "groups"], query["scope"]!.Split(' '));
        Assert.Equal(new Uri(_designer.BaseAddress, "/signin-oidc").ToString(), query["redirect_uri"]);
    }

    private void Serve(string path, JsonObject body) =>
        _provider.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body.ToJsonString()));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async Task DisposeAsync()
    {
        if (_designer is not null) await _designer.DisposeAsync();
        _provider.Stop();
        _provider.Dispose();
    }
}
