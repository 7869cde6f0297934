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

    [Fact]
    public void Should_give_version_7_ids_that_carry_the_start_time_and_never_repeat()
    {
        // Hundreds of starts in one millisecond: the ids' random bits run through several fills of their buffer.
        var clock = new ManualClock(DateTimeOffset.Parse("2026-11-25T09:00:00.123Z"));
        var runtime = new ProcessRuntime(clock);
        var definition = Fixture.Definition("parallel-gateway.bpmn");
        var ids = Enumerable.Range(0, 1000).Select(_ => runtime.Start(definition, "d", null, null).Instance.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id =>
        {
            var guid = Guid.Parse(id);
            Assert.Equal(7, guid.Version);
            Assert.Equal(0b10, guid.Variant >> 2);
            Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), Convert.ToInt64(id.Replace("-", "")[..12], 16));
        });
    }
}
