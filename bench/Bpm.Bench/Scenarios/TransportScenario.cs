using System.Diagnostics;
using Bpm.Bench.Infrastructure;
using Bpm.Workers.Sdk;
using Bpm.Workers.Sdk.Transports.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bpm.Bench.Scenarios;

/// <summary>
/// The <c>durable</c> model with its service task over a message transport: concurrent clients start
/// instances over REST, the engine (on PostgreSQL) publishes tasks from its outbox, SDK workers answer over
/// Kafka (librdkafka's mock cluster, real wire protocol) or MassTransit (a real RabbitMQ). Answered tasks per
/// second; baseline: <c>pgbench -N</c> at its peak on the same PostgreSQL server in the same run.
/// </summary>
public sealed class TransportScenario(BenchTransport transport) : IScenario
{
    private const int Starters = 8;
    private const int MaxBacklog = 2000;

    public string Name => transport.ToString().ToLowerInvariant();

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchRun run)
    {
        var rate = await MeasureAsync(run);
        // With the host, the workers and the broker gone, so that they do not weigh on pgbench.
        var pgbench = await run.PgbenchAsync();
        return
        [
            new(Name, $"completed instances per second, PostgreSQL, workers over {transport}", Math.Round(rate, 1), "instances/s",
                pgbench.Baseline, Math.Round(pgbench.Tps)),
        ];
    }

    private async Task<double> MeasureAsync(BenchRun run)
    {
        var postgres = await run.PostgresAsync();
        await using var broker = await BrokerAsync();
        var database = await postgres.CreateDatabaseAsync("bench_" + Name);
        await using var host = await EngineHost.StartAsync(database, broker.EngineSettings);
        await host.DeployAsync(RepositoryPaths.Model("durable.bpmn"));
        var counter = new BenchCounter();
        using var workers = await StartWorkersAsync(broker.WorkerSettings, counter);
        var rate = await MeasureAsync(host, database, counter, run.Options);
        await workers.StopAsync();
        return rate;
    }

    private async Task<Broker> BrokerAsync()
    {
        if (transport == BenchTransport.Kafka)
        {
            var mock = new KafkaMockCluster();
            var servers = mock.BootstrapServers;
            return new Broker(
                new Dictionary<string, string> { ["Bpm__Transports__Kafka__Topics__0"] = "bench-work", ["Bpm__Transports__Kafka__BootstrapServers"] = servers },
                new Dictionary<string, string?> { ["Bpm:Worker:Transport"] = "Kafka", ["Bpm:Worker:Kafka:BootstrapServers"] = servers },
                () => { mock.Dispose(); return ValueTask.CompletedTask; });
        }
        var rabbit = await RabbitMqNode.StartAsync();
        return new Broker(
            new Dictionary<string, string>
            {
                ["Bpm__Transports__MassTransit__Topics__0"] = "bench-work",
                ["Bpm__Transports__MassTransit__Host"] = rabbit.Host,
                ["Bpm__Transports__MassTransit__Port"] = rabbit.NodePort.ToString(),
            },
            new Dictionary<string, string?>
            {
                ["Bpm:Worker:Transport"] = "MassTransit",
                ["Bpm:Worker:RabbitMq:Host"] = rabbit.Host,
                ["Bpm:Worker:RabbitMq:Port"] = rabbit.NodePort.ToString(),
            },
            rabbit.DisposeAsync);
    }

    private static async Task<IHost> StartWorkersAsync(Dictionary<string, string?> settings, BenchCounter counter)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Bpm:Worker:PublishCatalog"] = "false" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(counter);
        builder.Services.AddBpmWorkers(builder.Configuration).AddHandler<BenchHandler>(o => o.MaxConcurrency = 64);
        var workers = builder.Build();
        await workers.StartAsync();
        return workers;
    }

    private async Task<double> MeasureAsync(EngineHost host, string database, BenchCounter counter, BenchOptions options)
    {
        using var client = host.Client();
        using var stop = new CancellationTokenSource();
        var starting = new DurableStarters(client, MaxBacklog, () => counter.Count).RunAsync(Starters, stop.Token);

        // The workers join their group in the first seconds; the host settles later (see SteadyState).
        const string completed = "select count(*) from bpm_process_instance where end_time is not null";
        var joined = options.Quick ? TimeSpan.FromSeconds(8) : TimeSpan.FromSeconds(15);
        var (least, most) = options.WarmUp;
        var warmUp = await new SteadyState(() => Sql.CountAsync(database, completed), Max(least, joined), Max(most, joined)).WaitAsync();
        Console.Error.WriteLine(SteadyState.Describe(Name, warmUp));
        var from = await Sql.CountAsync(database, completed);
        var watch = Stopwatch.StartNew();
        await Task.Delay(options.Duration);
        var rate = (await Sql.CountAsync(database, completed) - from) / watch.Elapsed.TotalSeconds;
        stop.Cancel();
        await starting;
        return rate;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed record Broker(Dictionary<string, string> EngineSettings, Dictionary<string, string?> WorkerSettings, Func<ValueTask> Stop) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Stop();
    }
}
