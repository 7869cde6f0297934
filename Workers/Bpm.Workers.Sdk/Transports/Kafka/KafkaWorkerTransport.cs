using System.Text.Json;
using Bpm.Contracts.Workers;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Bpm.Workers.Sdk.Transports.Kafka;

/// <summary>
/// A member of the Kafka consumer group of a task type: reads <c>bpm.tasks.{type}</c>, runs the handler
/// and writes the result to <c>bpm.task-results</c>, keyed by process instance. It reads a new record only
/// when a handler slot is free. Offsets are committed as records are taken: a task lost with its worker is
/// not re-read from Kafka but handed out again by the engine when its lock expires, so the engine stays
/// the one source of truth and a result is applied once.
/// </summary>
public sealed class KafkaWorkerTransport(WorkerOptions options, ILogger<KafkaWorkerTransport> logger) : IWorkerTransport, IDisposable
{
    private readonly Lazy<IProducer<string, byte[]>> _producer = new(() => new ProducerBuilder<string, byte[]>(new ProducerConfig
    {
        BootstrapServers = options.Kafka.BootstrapServers,
        EnableIdempotence = true,
        Acks = Acks.All,
        LingerMs = 2,
        ClientId = options.WorkerId,
    }).Build());

    public Task RunAsync(HandlerRegistration handler, TaskExecutor executor, CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => ConsumeAsync(handler, executor, stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task ConsumeAsync(HandlerRegistration handler, TaskExecutor executor, CancellationToken stoppingToken)
    {
        using var inFlight = new InFlightTasks(handler.MaxConcurrency);
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = options.Kafka.BootstrapServers,
            GroupId = WorkerMessages.WorkerGroup(handler.Topic),
            ClientId = options.WorkerId,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = true,
            AllowAutoCreateTopics = true,
            // A topic created after the subscription (by its first record) is noticed within seconds.
            TopicMetadataRefreshIntervalMs = 3000,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
            SessionTimeoutMs = (int)options.Kafka.SessionTimeout.TotalMilliseconds,
            HeartbeatIntervalMs = (int)Math.Max(500, options.Kafka.SessionTimeout.TotalMilliseconds / 3),
        })
            .SetPartitionsAssignedHandler((_, partitions) => logger.LogInformation("Worker {WorkerId} reads {Topic} partitions {Partitions}", options.WorkerId, handler.Topic, string.Join(",", partitions.Select(p => p.Partition.Value))))
            .SetErrorHandler((_, error) => logger.LogWarning("Kafka consumer of {Topic}: {Reason}", handler.Topic, error.Reason))
            .Build();
        consumer.Subscribe(WorkerMessages.TasksTopic(handler.Topic));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await inFlight.TakeSlotAsync(stoppingToken);
                ConsumeResult<string, byte[]>? record = null;
                try
                {
                    record = consumer.Consume(stoppingToken);
                }
                catch (ConsumeException e)
                {
                    logger.LogWarning("Reading {Topic} failed: {Reason}", handler.Topic, e.Error.Reason);
                }
                var task = record is null ? null : Read(record, handler);
                if (task is null)
                {
                    inFlight.Return(1);
                    continue;
                }
                inFlight.Run(ct => HandleAsync(handler, executor, task, ct));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await inFlight.DrainAsync(options.ShutdownTimeout);
        if (_producer.IsValueCreated) _producer.Value.Flush(TimeSpan.FromSeconds(10));
        consumer.Close();
    }

    private TaskActivated? Read(ConsumeResult<string, byte[]> record, HandlerRegistration handler)
    {
        try
        {
            return JsonSerializer.Deserialize<TaskActivated>(record.Message.Value, WorkerMessages.Json)
                ?? throw new JsonException("empty record");
        }
        catch (JsonException e)
        {
            // Without a readable task id nobody can be answered; the engine re-publishes the task when its lock expires.
            logger.LogError("Skipped an unreadable record at {Topic}[{Partition}]@{Offset}: {Message}", record.Topic, record.Partition.Value, record.Offset.Value, e.Message);
            return null;
        }
    }

    private async Task HandleAsync(HandlerRegistration handler, TaskExecutor executor, TaskActivated task, CancellationToken handlerToken)
    {
        var result = await executor.AnswerAsync(handler, task, options.WorkerId, SendAsync, handlerToken);
        try
        {
            await SendAsync(result, CancellationToken.None);
        }
        catch (ProduceException<string, byte[]> e)
        {
            logger.LogWarning("The result of task {TaskId} could not be sent: {Reason}", task.TaskId, e.Error.Reason);
        }
    }

    private Task SendAsync(TaskResult result, CancellationToken cancellationToken) =>
        _producer.Value.ProduceAsync(WorkerMessages.ResultsTopic, new Message<string, byte[]>
        {
            Key = result.ProcessInstanceId,
            Value = JsonSerializer.SerializeToUtf8Bytes(result, result.GetType(), WorkerMessages.Json),
            Headers = new Headers { { WorkerMessages.TypeHeader, System.Text.Encoding.UTF8.GetBytes(WorkerMessages.TypeName(result)) } },
        }, cancellationToken);

    public void Dispose()
    {
        if (_producer.IsValueCreated) _producer.Value.Dispose();
    }
}
