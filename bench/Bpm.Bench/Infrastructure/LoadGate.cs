namespace Bpm.Bench.Infrastructure;

/// <summary>
/// Lets a load generator's clients through while open; closed, each holds before its next call, so the host goes
/// quiet once the calls in flight are answered.
/// </summary>
public sealed class LoadGate
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private volatile bool _open = true;

    public void Open() => _open = true;

    public void Close() => _open = false;

    /// <summary>Returns once the gate is open, or the load is stopped.</summary>
    public async Task PassAsync(CancellationToken stop)
    {
        while (!_open && !stop.IsCancellationRequested)
        {
            try { await Task.Delay(Poll, stop); }
            catch (OperationCanceledException) { return; }
        }
    }
}
