namespace Bpm.Bench.Infrastructure;

/// <summary>
/// Concurrent clients starting instances of the <c>durable</c> model over REST until stopped, holding back
/// while more than <c>maxBacklog</c> started instances are not done yet, so the engine is measured at a
/// steady load rather than while a queue grows.
/// </summary>
public sealed class DurableStarters(HttpClient client, int maxBacklog, Func<long> done)
{
    private long _started;

    public long Started => Interlocked.Read(ref _started);

    public Task RunAsync(int clients, CancellationToken stop) => Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
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
