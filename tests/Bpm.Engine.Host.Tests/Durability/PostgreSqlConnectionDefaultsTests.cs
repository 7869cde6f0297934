using Bpm.Engine.Storage;
using Npgsql;

namespace Bpm.Engine.Host.Tests.Durability;

/// <summary>
/// The engine prepares the statements it repeats on PostgreSQL, and takes pooled connections without resetting them,
/// unless the connection string says otherwise.
/// </summary>
public sealed class PostgreSqlConnectionDefaultsTests
{
    [Fact]
    public void Should_turn_on_automatic_preparation_when_the_connection_string_is_silent_on_it()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionDefaults.Apply("Host=db;Username=bpm;Maximum Pool Size=50"));

        Assert.Equal(PostgreSqlConnectionDefaults.MaxAutoPrepare, tuned.MaxAutoPrepare);
        Assert.Equal(PostgreSqlConnectionDefaults.AutoPrepareMinUsages, tuned.AutoPrepareMinUsages);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(("db", "bpm", 50), (tuned.Host, tuned.Username, tuned.MaxPoolSize));
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0, 5, true)]
    [InlineData("Host=db;maxautoprepare=10", 10, 5, true)]
    [InlineData("Host=db;Auto Prepare Min Usages=7", PostgreSqlConnectionDefaults.MaxAutoPrepare, 7, true)]
    [InlineData("Host=db;No Reset On Close=false", PostgreSqlConnectionDefaults.MaxAutoPrepare, PostgreSqlConnectionDefaults.AutoPrepareMinUsages, false)]
    public void Should_keep_what_the_connection_string_says(string given, int maxAutoPrepare, int minUsages, bool noReset)
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionDefaults.Apply(given));

        Assert.Equal(maxAutoPrepare, tuned.MaxAutoPrepare);
        Assert.Equal(minUsages, tuned.AutoPrepareMinUsages);
        Assert.Equal(noReset, tuned.NoResetOnClose);
    }
}
