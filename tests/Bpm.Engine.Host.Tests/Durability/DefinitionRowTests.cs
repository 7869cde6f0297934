using Bpm.Engine.Host.Tests.Infrastructure;
using Bpm.Engine.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Bpm.Engine.Host.Tests.Durability;

/// <summary>
/// On PostgreSQL, starting instances of a key neither changes nor locks its definition's row: concurrent starts of one
/// key share no row that each of their transactions must lock.
/// </summary>
public sealed class DefinitionRowTests
{
    [Fact]
    public async Task Should_leave_the_definition_row_unlocked_when_instances_start()
    {
        await using var database = await TestDatabase.PostgreSqlAsync();
        await using var services = await InProcessEngine.StartAsync(database, "service-task.bpmn");
        var instances = services.GetRequiredService<ProcessInstanceService>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => instances.StartByKeyAsync("single-task", null, null, null, CancellationToken.None)));

        Assert.Equal(8L, await database.ScalarAsync<long>("SELECT count(*) FROM bpm_process_instance"));
        // A row that a transaction locked or changed keeps that transaction's id in xmax; an untouched row keeps 0.
        Assert.Equal("0", await database.ScalarAsync<string>("SELECT xmax::text FROM bpm_process_definition WHERE key = 'single-task'"));
    }
}
