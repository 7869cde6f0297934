using System.Net;
using System.Web;
using Bpm.Designer.Tests.Infrastructure;
using Bpm.Testing;

namespace Bpm.Designer.Tests.People;

/// <summary>
/// The stand-alone designer configured for an identity provider (stubbed at the HTTP level): people sign in there, by
/// the authorization code flow, instead of with a password.
/// </summary>
public sealed class SingleSignOnTests : IAsyncLifetime
{
    private readonly TestIssuer _provider = new();
    private HostProcess _designer = null!;

    public async Task InitializeAsync()
    {
        var url = _provider.Url;
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
        using var http = WithoutRedirects();

        var query = ProviderQuery(await http.GetAsync("/account/sso?returnUrl=%2Ftasks"), "/authorize");

        Assert.Equal("bpm-designer", query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(["openid", "profile", "groups"], query["scope"]!.Split(' '));
        Assert.Equal(new Uri(_designer.BaseAddress, "/signin-oidc").ToString(), query["redirect_uri"]);
    }

    [Fact]
    public async Task Should_end_the_session_at_the_identity_provider_when_signing_out_and_come_back_to_sign_in()
    {
        using var http = WithoutRedirects();

        var query = ProviderQuery(await http.GetAsync("/account/logout"), "/end-session");

        Assert.Equal(new Uri(_designer.BaseAddress, "/signout-callback-oidc").ToString(), query["post_logout_redirect_uri"]);
        Assert.False(string.IsNullOrEmpty(query["state"]));

        var back = await http.GetAsync($"/signout-callback-oidc?state={Uri.EscapeDataString(query["state"]!)}");

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("/login", back.Headers.Location!.OriginalString);
    }

    private HttpClient WithoutRedirects() =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _designer.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The query of the provider's page that <paramref name="response"/> sends the browser to.</summary>
    private System.Collections.Specialized.NameValueCollection ProviderQuery(HttpResponseMessage response, string path)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(_provider.Url + path, location.GetLeftPart(UriPartial.Path));
        return HttpUtility.ParseQueryString(location.Query);
    }

    public async Task DisposeAsync()
    {
        if (_designer is not null) await _designer.DisposeAsync();
        _provider.Dispose();
    }
}
