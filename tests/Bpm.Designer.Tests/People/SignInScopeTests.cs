using System.Text.RegularExpressions;
using Bpm.Designer.Tests.Infrastructure;

namespace Bpm.Designer.Tests.People;

/// <summary>The pages' sign-in (their cookie) is the pages' alone: the engine's REST API on the same server checks its own keys.</summary>
public sealed partial class SignInScopeTests
{
    private const string CookieChecked = "AuthenticationScheme: Cookies was not authenticated.";

    [Fact]
    public async Task Should_check_the_sign_in_cookie_on_the_pages_and_never_on_the_engines_rest_api()
    {
        await using var engine = await HostProcess.StartEngineAsync(new Dictionary<string, string>
        {
            ["Logging__LogLevel__Microsoft.AspNetCore.Authentication"] = "Debug",
            ["Logging__Console__IncludeScopes"] = "true",
        });
        using var api = engine.Client();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = engine.BaseAddress };

        for (var i = 0; i < 3; i++) (await api.GetAsync("process-definition")).EnsureSuccessStatusCode();
        (await browser.GetAsync("/login")).EnsureSuccessStatusCode();

        var checks = await CookieChecksAsync(engine, path => path == "/login");
        Assert.Contains("/login", checks);
        Assert.DoesNotContain(checks, path => path.StartsWith("/engine-rest", StringComparison.Ordinal));
    }

    /// <summary>The request paths the cookie was checked for, once the console shows one that <paramref name="awaited"/> names.</summary>
    private static async Task<List<string>> CookieChecksAsync(HostProcess engine, Func<string, bool> awaited)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            // A console entry: its level line, its scopes (with the request's path), then its message.
            var checks = Entry().Matches(engine.Output)
                .Where(m => m.Groups["body"].Value.Contains(CookieChecked, StringComparison.Ordinal))
                .Select(m => RequestPath().Match(m.Groups["body"].Value) is { Success: true } path ? path.Groups[1].Value : "")
                .ToList();
            if (checks.Any(awaited) || DateTime.UtcNow > deadline) return checks;
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"^(?:dbug|info|warn|fail|crit): [^\n]*\n(?<body>(?:[ \t]+[^\n]*\n?)*)", RegexOptions.Multiline)]
    private static partial Regex Entry();

    [GeneratedRegex(@"RequestPath:(\S+)")]
    private static partial Regex RequestPath();
}
