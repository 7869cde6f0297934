using Bpm.Engine.Host.Tests.Infrastructure;
using Bpm.Engine.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Bpm.Engine.Host.Tests.Durability;

/// <summary>
/// On PostgreSQL, an instance is indexed by its state and key only while it runs, and by its business key only when it
/// has one: instances that ended, or that have no business key, add nothing to the indexes that find instances.
/// </summary>
public sealed class InstanceIndexTests
{
    [Fact]
    public async Task Should_index_running_instances_by_state_and_instances_with_a_business_key_by_it()
    {
        await using var database = await TestDatabase.PostgreSqlAsync();
        await using var services = await InProcessEngine.StartAsync(database, "service-task.bpmn");
        var instances = services.GetRequiredService<ProcessInstanceService>();
        var keyed = await instances.StartByKeyAsync("single-task", "order-1", null, null, CancellationToken.None);
        var unkeyed = await instances.StartByKeyAsync("single-task", null, null, null, CancellationToken.None);
        await instances.StartByKeyAsync("single-task", null, null, null, CancellationToken.None);

        await instances.CancelAsync(keyed.Id, CancellationToken.None);
        await instances.CancelAsync(unkeyed.Id, CancellationToken.None);
        await database.ExecuteAsync("VACUUM bpm_process_instance");

        Assert.Equal(1, await database.IndexEntriesAsync("ix_bpm_process_instance_running"));
        Assert.Equal(1, await database.IndexEntriesAsync("ix_bpm_process_instance_business_key"));
        Assert.Equal(3, await database.IndexEntriesAsync("bpm_process_instance_pkey"));
    }
}
