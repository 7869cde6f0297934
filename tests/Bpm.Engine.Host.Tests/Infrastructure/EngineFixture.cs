namespace Bpm.Engine.Host.Tests.Infrastructure;

/// <summary>One engine process on its own empty database, shared by the tests of one class.</summary>
public abstract class EngineFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public EngineProcess Engine { get; private set; } = null!;
    public EngineClient Client { get; private set; } = null!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    /// <summary>Settings the engine starts with besides the test defaults.</summary>
    protected virtual IDictionary<string, string>? Settings => null;

    public async Task InitializeAsync()
    {
        Database = await CreateDatabaseAsync();
        Engine = await EngineProcess.StartAsync(Database, Settings);
        Client = new EngineClient(Engine.Client());
    }

    public async Task DisposeAsync()
    {
        await Engine.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed class SqliteEngine : EngineFixture
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgreSqlEngine : EngineFixture
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgreSqlAsync();
}

/// <summary>An engine on PostgreSQL that writes no activity history (<c>Bpm:History:Level</c> None).</summary>
public sealed class PostgreSqlEngineWithoutHistory : EngineFixture
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgreSqlAsync();

    protected override IDictionary<string, string> Settings => new Dictionary<string, string> { ["Bpm__History__Level"] = "None" };
}
