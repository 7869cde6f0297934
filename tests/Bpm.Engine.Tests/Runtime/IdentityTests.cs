using Bpm.Engine.Runtime;
using Bpm.Engine.Runtime.Effects;

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
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.All(ids, id =>
        {
            var guid = Guid.Parse(id);
            Assert.Equal(7, guid.Version);
            Assert.Equal(0b10, guid.Variant >> 2);
            Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), Convert.ToInt64(id.Replace("-", "")[..12], 16));
        });
    }

    [Fact]
    public void Should_give_the_activities_of_one_command_ids_in_the_order_their_tokens_entered()
    {
        // History lists the activities of one instant by id: start, fork, then the two branches as the fork took them.
        var runtime = new ProcessRuntime(new ManualClock(DateTimeOffset.Parse("2026-11-25T09:00:00Z")));

        var started = runtime.Start(Fixture.Definition("parallel-gateway.bpmn"), "d", null, null).Effects.OfType<ActivityStarted>().ToList();

        Assert.Equal(["start", "fork", "checkCredit", "checkStock"], started.Select(s => s.ActivityId));
        Assert.Equal(started.Select(s => s.ActivityInstanceId).Order(StringComparer.Ordinal), started.Select(s => s.ActivityInstanceId));
    }

    [Fact]
    public void Should_keep_ids_increasing_when_the_clock_goes_back()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-11-25T09:00:00Z"));
        var runtime = new ProcessRuntime(clock);
        var definition = Fixture.Definition("parallel-gateway.bpmn");
        var before = runtime.Start(definition, "d", null, null).Instance.Id;

        clock.Advance(TimeSpan.FromSeconds(-2));
        var after = runtime.Start(definition, "d", null, null).Instance.Id;

        Assert.True(string.CompareOrdinal(before, after) < 0, $"'{after}' does not sort after '{before}'");
    }
}
