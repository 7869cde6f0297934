
namespace Bpm.Engine.Host.Tests.Infrastructure;

/// <summary>An engine with configured users: carol of finance, mallory of sales, olga of the operators and ann of the analysts.</summary>
public sealed class EngineWithUsers : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public EngineProcess Engine { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = TestDatabase.Sqlite();
        Engine = await EngineProcess.StartAsync(Database, Users());
    }

    /// <summary>The settings that configure the users.</summary>
    public static Dictionary<string, string> Users() => new()
    {
        ["Bpm__Auth__Users__0__Id"] = "carol",
        ["Bpm__Auth__Users__0__Password"] = "carol-secret",
        ["Bpm__Auth__Users__0__Groups__0"] = "finance",
        ["Bpm__Auth__Users__1__Id"] = "mallory",
        ["Bpm__Auth__Users__1__Password"] = "mallory-secret",
        ["Bpm__Auth__Users__1__Groups__0"] = "sales",
        ["Bpm__Auth__Users__2__Id"] = "olga",
        ["Bpm__Auth__Users__2__Password"] = "olga-secret",
        ["Bpm__Auth__Users__2__Groups__0"] = "operators",
        ["Bpm__Auth__Users__3__Id"] = "ann",
        ["Bpm__Auth__Users__3__Password"] = "ann-secret",
        ["Bpm__Auth__Users__3__Groups__0"] = "analysts",
    };

    /// <summary>A client signed in as a user with HTTP Basic auth, without any API key.</summary>
    public EngineClient As(string user, string password) => EngineClient.AsUser(Engine, user, password);

    /// <summary>A client with the API key alone: a machine.</summary>
    public EngineClient Machine() => new(Engine.Client());

    /// <summary>A client with the API key, acting for a user as the designer does.</summary>
    public EngineClient ActingFor(string user)
    {
        var http = Engine.Client();
        http.DefaultRequestHeaders.Add("x-bpm-user", user);
        return new EngineClient(http);
    }

    public async Task DisposeAsync()
    {
        await Engine.DisposeAsync();
        await Database.DisposeAsync();
    }
}
