using System.Net;
using System.Text;
using System.Text.Json;
using Bpm.Contracts.Workers;
using Bpm.Engine.Host.Tests.Infrastructure;
using Bpm.Workers.Sdk.Transports.Kafka;
using Confluent.Kafka;

namespace Bpm.Engine.Host.Tests.Transports;

/// <summary>
/// Service tasks over Kafka's wire protocol (librdkafka's mock cluster): the engine publishes tasks from its
/// outbox to <c>bpm.tasks.echo</c>, worker processes in one consumer group answer on <c>bpm.task-results</c>.
/// </summary>
public sealed class KafkaTransportTests : IDisposable
{
    private readonly KafkaMockCluster _kafka = new();

    private Task<TransportScenario> StartAsync(string lockDuration = "00:00:04") => TransportScenario.StartAsync(
        new Dictionary<string, string>
        {
            ["Bpm__Transports__Kafka__Topics__0"] = "echo",
            ["Bpm__Transports__Kafka__BootstrapServers"] = _kafka.BootstrapServers,
            ["Bpm__Transports__LockDuration"] = lockDuration,
        },
        new Dictionary<string, string>
        {
            ["Bpm__Worker__Transport"] = "Kafka",
            ["Bpm__Worker__Kafka__BootstrapServers"] = _kafka.BootstrapServers,
            ["Bpm__Worker__Kafka__SessionTimeout"] = "00:00:06",
        });

    [Fact]
    public async Task Should_share_tasks_among_three_workers_of_one_group_and_lose_none_through_a_rebalance()
    {
        await using var scenario = await StartAsync();
        var first = scenario.AddWorker("kafka-a", new Dictionary<string, string> { ["TestWorker__MaxConcurrency"] = "2" });
        var instances = await scenario.StartInstancesAsync(12, """{"amount": {"value": 21, "type": "Integer"}, "sleepMs": {"value": 50, "type": "Integer"}}""");
        await EngineClient.EventuallyAsync(() => Task.FromResult(first.Handled.Count >= 2), TimeSpan.FromSeconds(60), "the first worker to handle tasks");

        var second = scenario.AddWorker("kafka-b", new Dictionary<string, string> { ["TestWorker__MaxConcurrency"] = "2" });
        var third = scenario.AddWorker("kafka-c", new Dictionary<string, string> { ["TestWorker__MaxConcurrency"] = "2" });
        await second.WaitForOutputAsync("reads echo partitions", TimeSpan.FromSeconds(60));
        await third.WaitForOutputAsync("reads echo partitions", TimeSpan.FromSeconds(60));
        instances.AddRange(await scenario.StartInstancesAsync(36, """{"amount": {"value": 21, "type": "Integer"}, "sleepMs": {"value": 50, "type": "Integer"}}"""));

        await scenario.WaitForCompletedAsync(instances.Count, TimeSpan.FromSeconds(90));
        await scenario.AssertEachCompletedOnceAsync(instances);
        Assert.Empty(await scenario.IncidentsAsync());
        Assert.All(scenario.Workers, w => Assert.NotEmpty(w.Handled));
        Assert.True(scenario.Workers.SelectMany(w => w.Handled).Distinct().Count() >= instances.Count);
    }

    [Fact]
    public async Task Should_deliver_a_task_again_when_its_worker_was_killed_mid_task_and_complete_it_once()
    {
        await using var scenario = await StartAsync();
        var doomed = scenario.AddWorker("kafka-doomed");
        var instance = Assert.Single(await scenario.StartInstancesAsync(1, """{"amount": {"value": 21, "type": "Integer"}, "slowWorker": {"value": "kafka-doomed", "type": "String"}}"""));
        await doomed.WaitUntilBusyAsync(TimeSpan.FromSeconds(60));

        doomed.Kill();
        var survivor = scenario.AddWorker("kafka-survivor");

        await scenario.WaitForCompletedAsync(1, TimeSpan.FromSeconds(60));
        await scenario.AssertEachCompletedOnceAsync([instance]);
        Assert.Empty(doomed.Handled);
        Assert.Matches(@"handled \S+ attempt [2-9]", survivor.Output);
    }

    [Fact]
    public async Task Should_turn_a_poison_task_into_an_incident_while_the_worker_keeps_serving()
    {
        await using var scenario = await StartAsync();
        var worker = scenario.AddWorker("kafka-poison");
        var poisoned = Assert.Single(await scenario.StartInstancesAsync(1, """{"amount": {"value": "not a number", "type": "String"}}"""));

        await EngineClient.EventuallyAsync(async () => (await scenario.IncidentsAsync()).Count == 1, TimeSpan.FromSeconds(60), "an incident for the poison task");
        var incident = Assert.Single(await scenario.IncidentsAsync())!;
        Assert.Equal(poisoned, incident["processInstanceId"]!.GetValue<string>());
        Assert.Contains("Variable 'amount'", incident["incidentMessage"]!.GetValue<string>());

        var healthy = await scenario.StartInstancesAsync(3);
        await EngineClient.EventuallyAsync(async () => await scenario.CompletedCountAsync() == 3, TimeSpan.FromSeconds(60), "the worker to go on serving");
        await scenario.AssertEachCompletedOnceAsync(healthy);
        Assert.Equal(["start", "double"], await scenario.Client.PathAsync(poisoned));
    }

    [Fact]
    public async Task Should_take_a_bpmn_error_from_a_worker_to_the_error_boundary()
    {
        await using var scenario = await StartAsync();
        scenario.AddWorker("kafka-errors");
        var instance = Assert.Single(await scenario.StartInstancesAsync(1, """{"amount": {"value": 1, "type": "Integer"}, "errorCode": {"value": "REJECTED", "type": "String"}}"""));

        await scenario.WaitForCompletedAsync(1, TimeSpan.FromSeconds(60));
        Assert.Equal(["start", "double", "rejected", "endRejected"], await scenario.Client.PathAsync(instance));
    }

    [Fact]
    public async Task Should_apply_a_result_once_and_refuse_its_duplicate_and_an_answer_to_an_old_delivery()
    {
        // The test answers by hand, slower than a worker: the lock must outlast its reading and writing.
        await using var scenario = await StartAsync(lockDuration: "00:01:00");
        var instance = Assert.Single(await scenario.StartInstancesAsync(1));
        var task = ReadOneTask();
        Assert.Equal(instance, task.ProcessInstanceId);
        Assert.Equal(1, task.Attempt);

        // Produced as the SDK does (idempotent): the mock cluster did not hand out records of a plain producer here.
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = _kafka.BootstrapServers, EnableIdempotence = true, Acks = Acks.All }).Build();
        var stale = new TaskCompleted { TaskId = task.TaskId, LockToken = "an-earlier-delivery", WorkerId = "test", ProcessInstanceId = instance, Variables = new() { ["doubled"] = 0 } };
        var answer = new TaskCompleted { TaskId = task.TaskId, LockToken = task.LockToken, WorkerId = "test", ProcessInstanceId = instance, Variables = new() { ["doubled"] = 42 } };
        await ProduceAsync(producer, stale);
        await ProduceAsync(producer, answer);
        await ProduceAsync(producer, answer);

        await scenario.WaitForCompletedAsync(1, TimeSpan.FromSeconds(30));
        await scenario.AssertEachCompletedOnceAsync([instance]);
        await EngineClient.EventuallyAsync(() => Task.FromResult(scenario.Engine.Output.Contains("already completed")), TimeSpan.FromSeconds(60), "the duplicate to be refused");
        Assert.Contains("earlier delivery", scenario.Engine.Output);
        var duplicateOverHttp = await scenario.Client.CompleteExternalTaskAsync(task.TaskId, "test");
        Assert.Equal(HttpStatusCode.Conflict, duplicateOverHttp.StatusCode);
        Assert.Contains("already completed", (await EngineClient.Json(duplicateOverHttp))["message"]!.GetValue<string>());
    }

    private TaskActivated ReadOneTask()
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = _kafka.BootstrapServers,
            GroupId = "test-reader",
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe(WorkerMessages.TasksTopic("echo"));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (consumer.Consume(TimeSpan.FromSeconds(1)) is { } record)
                {
                    consumer.Close();
                    return JsonSerializer.Deserialize<TaskActivated>(record.Message.Value, WorkerMessages.Json)!;
                }
            }
            catch (ConsumeException e) when (e.Error.Code == ErrorCode.UnknownTopicOrPart)
            {
                // The engine's first publish creates the topic.
            }
        }
        throw new TimeoutException("No task was published to Kafka within 60 s");
    }

    private static Task ProduceAsync(IProducer<string, byte[]> producer, TaskResult result) =>
        producer.ProduceAsync(WorkerMessages.ResultsTopic, new Message<string, byte[]>
        {
            Key = result.ProcessInstanceId,
            Value = JsonSerializer.SerializeToUtf8Bytes(result, result.GetType(), WorkerMessages.Json),
            Headers = new Headers { { WorkerMessages.TypeHeader, Encoding.UTF8.GetBytes(WorkerMessages.TypeName(result)) } },
        });

    public void Dispose() => _kafka.Dispose();
}
