namespace Bpm.Workers.Sdk;

/// <summary>
/// The tasks of one handler running in this process: at most <c>max</c> at once (a transport takes new
/// work only when a slot is free), and on shutdown a drain that lets them finish within a deadline and
/// then cancels the rest, so their transport can release them.
/// </summary>
public sealed class InFlightTasks(int max) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(max, max);
    private readonly CancellationTokenSource _handlers = new();
    private readonly HashSet<Task> _running = [];


    /// <summary>Fires when shutdown's deadline has passed: handlers still running should stop.</summary>
    public CancellationToken HandlerToken => _handlers.Token;

    /// <summary>Waits for one free slot, then takes every other free one too: how many tasks to ask for.</summary>
    public async Task<int> TakeSlotsAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        var taken = 1;
        while (_slots.Wait(0)) taken++;
        return taken;
    }

    /// <summary>Waits for one free slot.</summary>
    public Task TakeSlotAsync(CancellationToken cancellationToken) => _slots.WaitAsync(cancellationToken);

    /// <summary>Gives back slots taken but not used.</summary>
    public void Return(int slots)
    {
        if (slots > 0) _slots.Release(slots);
    }

    /// <summary>Runs <paramref name="work"/> in a slot taken with <see cref="TakeSlotsAsync"/>; the slot frees when it ends.</summary>
    public void Run(Func<CancellationToken, Task> work)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await work(_handlers.Token);
            }
            finally
            {
                _slots.Release();
            }
        });
        lock (_running) _running.Add(task);
        task.ContinueWith(t => { lock (_running) _running.Remove(t); }, TaskScheduler.Default);
    }

    /// <summary>Waits for running tasks up to <paramref name="deadline"/>, then cancels them and waits for their release.</summary>
    public async Task DrainAsync(TimeSpan deadline)
    {
        var finished = Task.WhenAll(Snapshot());
        if (await Task.WhenAny(finished, Task.Delay(deadline)) != finished) await _handlers.CancelAsync();
        try
        {
            await Task.WhenAll(Snapshot());
        }
        catch
        {
            // Each task reports its own failure; draining only waits.
        }
    }

    private Task[] Snapshot()
    {
        lock (_running) return [.. _running];
    }

    public void Dispose()
    {
        _slots.Dispose();
        _handlers.Dispose();
    }
}
