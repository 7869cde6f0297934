using Bpm.Engine.Storage;

namespace Bpm.Engine.Host.Tests.Storage;

/// <summary>
/// New tasks wake the long-polling fetches of their topic, oldest first, as many as it takes to fetch them: a worker
/// woken for tasks another worker already took would only ask the database for nothing.
/// </summary>
public sealed class TaskAvailabilityTests
{
    private static readonly TimeSpan NotWithinTheTest = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Should_wake_one_waiter_for_a_burst_it_can_fetch_whole()
    {
        var availability = new TaskAvailability();
        using var first = availability.Subscribe(Topics("invoice"), capacity: 50);
        using var second = availability.Subscribe(Topics("invoice"), capacity: 50);
        var (woken, waiting) = (first.WaitAsync(NotWithinTheTest, CancellationToken.None), second.WaitAsync(NotWithinTheTest, CancellationToken.None));

        availability.Notify("invoice", 10);

        await woken.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(waiting.IsCompleted);
    }

    [Fact]
    public async Task Should_wake_as_many_waiters_oldest_first_as_their_fetches_take_to_cover_the_new_tasks()
    {
        var availability = new TaskAvailability();
        var subscriptions = Enumerable.Range(0, 4).Select(_ => availability.Subscribe(Topics("invoice"), capacity: 4)).ToList();
        var waits = subscriptions.Select(s => s.WaitAsync(NotWithinTheTest, CancellationToken.None)).ToList();

        availability.Notify("invoice", 10);

        await Task.WhenAll(waits.Take(3)).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(waits[3].IsCompleted);
        foreach (var subscription in subscriptions) subscription.Dispose();
    }

    [Fact]
    public async Task Should_leave_waiters_of_other_topics_and_departed_waiters_out()
    {
        var availability = new TaskAvailability();
        using var otherTopic = availability.Subscribe(Topics("shipping"), capacity: 50);
        var departed = availability.Subscribe(Topics("invoice"), capacity: 50);
        using var invoices = availability.Subscribe(Topics("invoice", "shipping"), capacity: 50);
        var (other, gone, woken) = (otherTopic.WaitAsync(NotWithinTheTest, CancellationToken.None),
            departed.WaitAsync(NotWithinTheTest, CancellationToken.None), invoices.WaitAsync(NotWithinTheTest, CancellationToken.None));
        departed.Dispose();

        availability.Notify("invoice", 1);

        await woken.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(other.IsCompleted);
        Assert.False(gone.IsCompleted);
    }

    private static HashSet<string> Topics(params string[] names) => [.. names];
}
