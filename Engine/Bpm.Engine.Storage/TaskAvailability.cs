namespace Bpm.Engine.Storage;

/// <summary>
/// Wakes long-polling fetch requests of this node when tasks of their topics become fetchable: as many waiters,
/// oldest first, as it takes to fetch the new tasks, so a burst of tasks neither sends every idle worker to the
/// database at once nor wakes workers who will find the tasks already taken. Tasks made fetchable on other nodes are
/// found by the pollers' periodic re-check.
/// </summary>
public sealed class TaskAvailability
{
    private readonly object _gate = new();
    private readonly LinkedList<Subscription> _waiting = new();

    /// <summary>Registers interest before a fetch, so a task created while the fetch runs is not missed.</summary>
    /// <param name="capacity">How many tasks the waiter fetches at most when woken.</param>
    public Subscription Subscribe(IReadOnlySet<string> topics, int capacity)
    {
        var subscription = new Subscription(this, topics, Math.Max(capacity, 1));
        lock (_gate) subscription.Node = _waiting.AddLast(subscription);
        return subscription;
    }

    /// <summary>Wakes the oldest waiters of <paramref name="topic"/> until their capacities cover <paramref name="count"/> new tasks.</summary>
    public void Notify(string topic, int count = 1)
    {
        lock (_gate)
        {
            for (var node = _waiting.First; node is not null && count > 0; )
            {
                var next = node.Next;
                if (node.Value.Topics.Contains(topic))
                {
                    _waiting.Remove(node);
                    node.Value.Node = null;
                    node.Value.Signal.TrySetResult();
                    count -= node.Value.Capacity;
                }
                node = next;
            }
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            if (subscription.Node is not null) _waiting.Remove(subscription.Node);
            subscription.Node = null;
        }
    }

    public sealed class Subscription(TaskAvailability owner, IReadOnlySet<string> topics, int capacity) : IDisposable
    {
        internal IReadOnlySet<string> Topics { get; } = topics;
        internal int Capacity { get; } = capacity;
        internal TaskCompletionSource Signal { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        internal LinkedListNode<Subscription>? Node { get; set; }

        /// <summary>Completes when a task of a subscribed topic arrives or after <paramref name="timeout"/>.</summary>
        public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            try
            {
                await Signal.Task.WaitAsync(timeout, cancellationToken);
            }
            catch (TimeoutException)
            {
            }
        }

        public void Dispose() => owner.Remove(this);
    }
}
