using Bpm.Engine.Host.Tests.Infrastructure;

namespace Bpm.Engine.Host.Tests.Apis;

/// <summary>Asynchronous continuations commit the starting command early; the job executor carries the token on.</summary>
public abstract class AsyncContinuationApiTests(EngineFixture fixture)
{
    private EngineClient Client => fixture.Client;

    [Fact]
    public async Task Should_answer_the_start_at_the_continuation_and_finish_in_jobs()
    {
        var (key, _) = await Client.DeployUniqueAsync("async-continuation.bpmn", "asyncSteps");

        var instance = await Client.StartAsync(key, """{"amount": {"value": 21}}""");

        await EngineClient.EventuallyAsync(async () => await Client.HistoryStateAsync(instance) == "COMPLETED", TimeSpan.FromSeconds(60), "the continuations");
        Assert.Equal(["start", "score", "end"], await Client.PathAsync(instance));
    }
}

public sealed class AsyncContinuationOnSqlite(SqliteEngine fixture) : AsyncContinuationApiTests(fixture), IClassFixture<SqliteEngine>;

public sealed class AsyncContinuationOnPostgreSql(PostgreSqlEngine fixture) : AsyncContinuationApiTests(fixture), IClassFixture<PostgreSqlEngine>;
