using System.Text.Json;
using Bpm.Bench.Infrastructure;

namespace Bpm.Bench.Scenarios;

/// <summary>
/// The load of <c>durable</c> on one host: clients starting instances over REST and HTTP workers fetching and
/// locking their tasks in batches and completing them, until disposed. Closing <see cref="Gate"/> pauses both.
/// </summary>
public sealed class DurableLoad : IAsyncDisposable
{
    private const string Topic = "bench-work";
    private readonly HttpClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private long _completed;

    public DurableLoad(EngineHost host, int starters, int workers, int batch, int maxBacklog)
    {
        _client = host.Client();
        var starting = new DurableStarters(_client, maxBacklog, () => Completed, Gate).RunAsync(starters, _stop.Token);
        _running = Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkAsync(w, batch))).Append(starting));
    }

    public LoadGate Gate { get; } = new();

    public long Completed => Interlocked.Read(ref _completed);

    private async Task WorkAsync(int worker, int batch)
    {
        var fetch = $$"""{"workerId": "bench-{{worker}}", "maxTasks": {{batch}}, "asyncResponseTimeout": 500, "topics": [{"topicName": "{{Topic}}", "lockDuration": 60000}]}""";
        var complete = "{\"workerId\": \"bench-" + worker + "\", \"variables\": {\"ok\": {\"value\": true}}}";
        while (!_stop.IsCancellationRequested)
        {
            await Gate.PassAsync(_stop.Token);
            if (_stop.IsCancellationRequested) break;
            var response = await _client.PostAsync("external-task/fetchAndLock", Json.Body(fetch));
            response.EnsureSuccessStatusCode();
            using var tasks = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
            await Task.WhenAll(tasks.RootElement.EnumerateArray().Select(task => task.GetProperty("id").GetString()!).Select(async id =>
            {
                var done = await _client.PostAsync($"external-task/{id}/complete", Json.Body(complete));
                done.EnsureSuccessStatusCode();
                Interlocked.Increment(ref _completed);
            }));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _running;
        _stop.Dispose();
        _client.Dispose();
    }
}
