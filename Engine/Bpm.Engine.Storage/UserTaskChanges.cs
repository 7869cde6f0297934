namespace Bpm.Engine.Storage;

/// <summary>
/// Tells this node's listeners (the host's live tasklist) which user tasks appeared, changed or ended, once the change
/// has committed. Changes committed on other nodes are told there. While nobody listens, nothing is gathered.
/// </summary>
public sealed class UserTaskChanges
{
    private readonly object _gate = new();
    private Action<UserTaskChange>[] _listeners = [];

    public bool Observed => Volatile.Read(ref _listeners).Length > 0;

    /// <summary>Adds a listener until the returned subscription is disposed; it must return quickly and never throw.</summary>
    public IDisposable Subscribe(Action<UserTaskChange> listener)
    {
        lock (_gate) _listeners = [.. _listeners, listener];
        return new Subscription(this, listener);
    }

    internal void Publish(IEnumerable<UserTaskChange> changes)
    {
        var listeners = Volatile.Read(ref _listeners);
        if (listeners.Length == 0) return;
        foreach (var change in changes)
        {
            foreach (var listener in listeners) listener(change);
        }
    }

    private void Remove(Action<UserTaskChange> listener)
    {
        lock (_gate) _listeners = _listeners.Where(l => l != listener).ToArray();
    }

    private sealed class Subscription(UserTaskChanges owner, Action<UserTaskChange> listener) : IDisposable
    {
        public void Dispose() => owner.Remove(listener);
    }
}
