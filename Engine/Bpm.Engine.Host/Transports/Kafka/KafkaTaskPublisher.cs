using System.Text.Json;
using Bpm.Contracts.Workers;
using Confluent.Kafka;

namespace Bpm.Engine.Host.Transports.Kafka;

/// <summary>Publishes tasks to <c>bpm.tasks.{type}</c>, keyed by process instance, with an idempotent producer.</summary>
public sealed class KafkaTaskPublisher : ITaskPublisher, IDisposable
{
    private readonly IProducer<string, byte[]> _producer;

    public KafkaTaskPublisher(KafkaCluster cluster, TransportOptions options)
    {
        Topics = options.Kafka.Topics.ToHashSet();
        _producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 2,
            ClientId = "bpm-engine",
        }).Build();
    }

    public string Name => "kafka";

    public IReadOnlySet<string> Topics { get; }

    public async Task PublishAsync(IReadOnlyList<TaskActivated> tasks, CancellationToken cancellationToken)
    {
        var sends = tasks.Select(task => _producer.ProduceAsync(WorkerMessages.TasksTopic(task.Topic), new Message<string, byte[]>
        {
            Key = task.ProcessInstanceId,
            Value = JsonSerializer.SerializeToUtf8Bytes(task, WorkerMessages.Json),
        }, cancellationToken));
        await Task.WhenAll(sends);
    }

    public void Dispose() => _producer.Dispose();
}
