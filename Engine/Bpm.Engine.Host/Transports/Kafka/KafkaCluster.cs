using Bpm.Contracts.Workers;
using Bpm.Workers.Sdk.Transports.Kafka;
using Confluent.Kafka;

namespace Bpm.Engine.Host.Transports.Kafka;

/// <summary>
/// Where Kafka is: the configured bootstrap servers, or, when none are configured, librdkafka's mock
/// cluster started in this process. The mock speaks Kafka's wire protocol with consumer groups on
/// loopback ports, so worker processes on this machine connect to the address it logs.
/// </summary>
public sealed class KafkaCluster : IDisposable
{
    private readonly KafkaMockCluster? _mock;

    public KafkaCluster(TransportOptions options, ILogger<KafkaCluster> logger)
    {
        if (!string.IsNullOrWhiteSpace(options.Kafka.BootstrapServers))
        {
            BootstrapServers = options.Kafka.BootstrapServers;
        }
        else
        {
            _mock = new KafkaMockCluster();
            BootstrapServers = _mock.BootstrapServers;
            logger.LogWarning("No Kafka configured (Bpm:Transports:Kafka:BootstrapServers): started a mock cluster for development at {BootstrapServers}", BootstrapServers);
        }
        AnnounceTopics([WorkerMessages.ResultsTopic, .. options.Kafka.Topics.Select(WorkerMessages.TasksTopic)], logger);
    }

    public string BootstrapServers { get; }

    /// <summary>
    /// Asks for the topics' metadata, which makes a broker that auto-creates topics create them now, before
    /// anyone subscribes; where operators provision topics this only reads them.
    /// </summary>
    private void AnnounceTopics(IReadOnlyList<string> topics, ILogger logger)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = BootstrapServers }).Build();
        foreach (var topic in topics)
        {
            var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.FirstOrDefault();
            if (metadata?.Error.IsError == true) logger.LogWarning("Kafka topic {Topic} is not available: {Reason}", topic, metadata.Error.Reason);
        }
    }

    public void Dispose() => _mock?.Dispose();
}
