using Bpm.Engine.Runtime;

namespace Bpm.Engine.Tests.Runtime;

public sealed class IdentityTests
{
    [Fact]
    public void Should_give_instances_started_later_ids_that_sort_later()
    {
        // A store's indexes over these ids then grow at one end instead of being written all over.
        var clock = new ManualClock(DateTimeOffset.Parse("2026-11-25T09:00:00Z"));
        var runtime = new ProcessRuntime(clock);
        var definition = Fixture.Definition("parallel-gateway.bpmn");
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(runtime.Start(definition, "d", null, null).Instance.Id);
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(Guid.TryParse(id, out _), $"'{id}' is not a GUID"));
    }
}
