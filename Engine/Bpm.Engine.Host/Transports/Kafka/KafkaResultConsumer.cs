using System.Text;
using System.Text.Json;
using Bpm.Contracts.Workers;
using Confluent.Kafka;

namespace Bpm.Engine.Host.Transports.Kafka;

/// <summary>
/// Reads workers' answers from <c>bpm.task-results</c> in the consumer group of the engine nodes and
/// applies them, several instances at a time. An offset is stored only after its answer is applied or
/// refused, so an answer read by a node that dies is read again by another; a repeated answer is then
/// refused by its lock token.
/// </summary>
public sealed class KafkaResultConsumer(KafkaCluster cluster, TaskResultApplier applier, ILogger<KafkaResultConsumer> logger) : BackgroundService
{
    public const string GroupId = "bpm-engine";
    private const int MaxBatch = 256;
    private const int Parallelism = 16;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => ConsumeAsync(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = GroupId,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = true,
            EnableAutoOffsetStore = false,
            AllowAutoCreateTopics = true,
            // A topic created after the subscription (by its first record) is noticed within seconds.
            TopicMetadataRefreshIntervalMs = 3000,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
        })
            .SetErrorHandler((_, error) => logger.LogWarning("Kafka result consumer: {Reason}", error.Reason))
            .SetPartitionsAssignedHandler((_, partitions) => logger.LogDebug("Reads {Topic} partitions {Partitions}", WorkerMessages.ResultsTopic, string.Join(",", partitions.Select(p => p.Partition.Value))))
            .Build();
        consumer.Subscribe(WorkerMessages.ResultsTopic);
        logger.LogDebug("Subscribed to {Topic} as group {Group}", WorkerMessages.ResultsTopic, GroupId);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var batch = new List<ConsumeResult<string, byte[]>>();
                try
                {
                    batch.Add(consumer.Consume(stoppingToken));
                    while (batch.Count < MaxBatch && consumer.Consume(TimeSpan.Zero) is { } more) batch.Add(more);
                }
                catch (ConsumeException e)
                {
                    logger.LogWarning("Reading task results failed: {Reason}", e.Error.Reason);
                    if (batch.Count == 0) continue;
                }
                // Answers of one instance keep their order; different instances are applied side by side.
                var byInstance = batch.Select(r => (Record: r, Result: Read(r))).GroupBy(x => x.Record.Message.Key);
                await Parallel.ForEachAsync(byInstance, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (answers, _) =>
                {
                    foreach (var (_, result) in answers)
                        if (result is not null) await ApplyAsync(result, stoppingToken);
                });
                foreach (var record in batch) consumer.StoreOffset(record);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            consumer.Close();
        }
    }

    /// <summary>Applies, retrying while the store is unreachable; a refusal is final.</summary>
    private async Task ApplyAsync(TaskResult result, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await applier.ApplyAsync(result, stoppingToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var wait = TimeSpan.FromMilliseconds(Math.Min(10_000, 100 * Math.Pow(2, Math.Min(attempt, 7))));
                logger.LogWarning(e, "Applying {Type} of task {TaskId} failed; trying again in {Wait}", WorkerMessages.TypeName(result), result.TaskId, wait);
                await Task.Delay(wait, stoppingToken);
            }
        }
    }

    private TaskResult? Read(ConsumeResult<string, byte[]> record)
    {
        var type = record.Message.Headers?.TryGetLastBytes(WorkerMessages.TypeHeader, out var bytes) == true ? Encoding.UTF8.GetString(bytes) : null;
        try
        {
            if (type is null) throw new JsonException($"the '{WorkerMessages.TypeHeader}' header is missing");
            return WorkerMessages.ReadResult(type, record.Message.Value);
        }
        catch (JsonException e)
        {
            logger.LogError("Skipped an unreadable task result at {Topic}[{Partition}]@{Offset}: {Message}", record.Topic, record.Partition.Value, record.Offset.Value, e.Message);
            return null;
        }
    }
}
