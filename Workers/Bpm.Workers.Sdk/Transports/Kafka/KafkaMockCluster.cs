using Confluent.Kafka;

namespace Bpm.Workers.Sdk.Transports.Kafka;

/// <summary>
/// librdkafka's mock cluster, for development and tests: brokers on loopback ports that speak Kafka's wire
/// protocol with consumer groups, so other processes on this machine connect to <see cref="BootstrapServers"/>
/// like to any Kafka. It lives as long as this object.
/// </summary>
public sealed class KafkaMockCluster : IDisposable
{
    private readonly IProducer<Null, Null> _handle;

    public KafkaMockCluster(int brokers = 3)
    {
        var config = new ProducerConfig { BootstrapServers = "mock" };
        config.Set("test.mock.num.brokers", brokers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _handle = new ProducerBuilder<Null, Null>(config).Build();
        using var admin = new DependentAdminClientBuilder(_handle.Handle).Build();
        BootstrapServers = string.Join(",", admin.GetMetadata(TimeSpan.FromSeconds(10)).Brokers.Select(b => $"{b.Host}:{b.Port}"));
    }

    public string BootstrapServers { get; }

    public void Dispose() => _handle.Dispose();
}
