using Confluent.Kafka;

namespace Bpm.Engine.Host.Tests.Infrastructure;

/// <summary>
/// librdkafka's mock cluster, three brokers on loopback ports speaking Kafka's wire protocol with
/// consumer groups; engine and worker processes connect to it over TCP like to any Kafka.
/// </summary>
public sealed class KafkaMockCluster : IDisposable
{
    private readonly IProducer<Null, Null> _handle;

    public KafkaMockCluster()
    {
        var config = new ProducerConfig { BootstrapServers = "mock" };
        config.Set("test.mock.num.brokers", "3");
        _handle = new ProducerBuilder<Null, Null>(config).Build();
        using var admin = new DependentAdminClientBuilder(_handle.Handle).Build();
        BootstrapServers = string.Join(",", admin.GetMetadata(TimeSpan.FromSeconds(10)).Brokers.Select(b => $"{b.Host}:{b.Port}"));
    }

    public string BootstrapServers { get; }

    public void Dispose() => _handle.Dispose();
}
