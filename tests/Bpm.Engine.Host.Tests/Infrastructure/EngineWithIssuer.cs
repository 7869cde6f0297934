using System.Net.Http.Headers;
using Bpm.Testing;

namespace Bpm.Engine.Host.Tests.Infrastructure;

/// <summary>
/// An engine that takes people from an identity provider (<see cref="TestIssuer"/>): it accepts the issuer's bearer
/// tokens, and its operators' group is named <c>bpm-operators</c>.
/// </summary>
public sealed class EngineWithIssuer : IAsyncLifetime
{
    public const string OperatorsGroup = "bpm-operators";

    public TestIssuer Issuer { get; } = new();
    public TestDatabase Database { get; private set; } = null!;
    public EngineProcess Engine { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = TestDatabase.Sqlite();
        Engine = await EngineProcess.StartAsync(Database, new Dictionary<string, string>
        {
            ["Bpm__Auth__Oidc__Authority"] = Issuer.Url,
            ["Bpm__Auth__Oidc__Audience"] = TestIssuer.Audience,
            // The stub issuer speaks plain HTTP on the loopback.
            ["Bpm__Auth__Oidc__RequireHttpsMetadata"] = "false",
            ["Bpm__Auth__Groups__Operators"] = OperatorsGroup,
        });
    }

    public EngineClient Machine() => new(Engine.Client());

    /// <summary>A client that presents <paramref name="token"/> and nothing else.</summary>
    public EngineClient WithToken(string token)
    {
        var http = new HttpClient { BaseAddress = new Uri(Engine.BaseAddress, "/engine-rest/"), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new EngineClient(http);
    }

    public async Task DisposeAsync()
    {
        await Engine.DisposeAsync();
        await Database.DisposeAsync();
        Issuer.Dispose();
    }
}
