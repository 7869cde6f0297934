using Bpm.Contracts.Live;
using Bpm.Designer.Engine;

namespace Bpm.Designer.Tests.Infrastructure;

/// <summary>Stands in for the engine's task hub in component tests: the test tells the page what the engine would.</summary>
public sealed class FakeTaskFeed : ITaskFeed
{
    private Func<TaskChangedDto, Task>? _changed;

    /// <summary>When set, subscribing fails as an unreachable hub would.</summary>
    public Exception? Refusal { get; set; }

    public bool Subscribed => _changed is not null;

    public Task<IAsyncDisposable> SubscribeAsync(Func<TaskChangedDto, Task> changed, Func<Task> missed, CancellationToken ct = default)
    {
        if (Refusal is not null) throw Refusal;
        _changed = changed;
        return Task.FromResult<IAsyncDisposable>(new Subscription(this));
    }

    public Task TellAsync(TaskChangedDto change) =>
        (_changed ?? throw new InvalidOperationException("Nobody subscribed to the task feed"))(change);

    private sealed class Subscription(FakeTaskFeed feed) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            feed._changed = null;
            return ValueTask.CompletedTask;
        }
    }
}
