namespace Bpm.Bench.Infrastructure;

/// <summary>
/// Concurrent clients starting instances of the <c>durable</c> model over REST until stopped, holding back
/// while more than <c>maxBacklog</c> started instances are not done yet, so the engine is measured at a
/// steady load rather than while a queue grows; each holds before its next start while <c>gate</c> is closed.
/// </summary>
public sealed class DurableStarters(HttpClient client, int maxBacklog, Func<long> done, LoadGate? gate = null)
{
    private long _started;

    public long Started => Interlocked.Read(ref _started);

    public Task RunAsync(int clients, CancellationToken stop) => Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            if (gate is not null) await gate.PassAsync(stop);
            if (stop.IsCancellationRequested) break;
            if (Started - done() > maxBacklog)
            {
                await Task.Delay(5);
                continue;
            }
            var response = await client.PostAsync("process-definition/key/durable/start", Json.Body("""{"variables": {"amount": {"value": 42}}}"""));
            response.EnsureSuccessStatusCode();
            Interlocked.Increment(ref _started);
        }
    })));
}
