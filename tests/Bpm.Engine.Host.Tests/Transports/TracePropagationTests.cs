using Bpm.Engine.Host.Tests.Infrastructure;
using Bpm.Workers.Sdk.Transports.Kafka;

namespace Bpm.Engine.Host.Tests.Transports;

/// <summary>One trace from the engine to the worker: the worker's task span is a child of the engine's dispatch span.</summary>
public sealed class TracePropagationTests : IDisposable
{
    private readonly KafkaMockCluster _kafka = new();
    private readonly OtlpCollector _collector = new();

    [Fact]
    public async Task Should_link_the_workers_task_span_to_the_engine_span_that_handed_the_task_out()
    {
        await using var scenario = await TransportScenario.StartAsync(
            new Dictionary<string, string>(_collector.ExporterSettings)
            {
                ["Bpm__Transports__Kafka__Topics__0"] = "echo",
                ["Bpm__Transports__Kafka__BootstrapServers"] = _kafka.BootstrapServers,
            },
            new Dictionary<string, string>(_collector.ExporterSettings)
            {
                ["Bpm__Worker__Transport"] = "Kafka",
                ["Bpm__Worker__Kafka__BootstrapServers"] = _kafka.BootstrapServers,
            });
        scenario.AddWorker("traced");
        var instance = Assert.Single(await scenario.StartInstancesAsync(1));
        await scenario.WaitForCompletedAsync(1, TimeSpan.FromSeconds(60));

        OtlpSpan? task = null;
        await EngineClient.EventuallyAsync(() =>
        {
            task = _collector.Spans.FirstOrDefault(s => s.Name == "task echo");
            return Task.FromResult(task is not null);
        }, TimeSpan.FromSeconds(20), "the worker's span to reach the collector:\n" + string.Join("\n", _collector.Spans));

        var parent = Assert.Single(_collector.Spans, s => s.SpanId == task!.ParentSpanId);
        Assert.Equal("bpm.dispatch.kafka", parent.Name);
        Assert.Equal(parent.TraceId, task!.TraceId);
        Assert.NotNull(instance);
    }

    public void Dispose()
    {
        _collector.Dispose();
        _kafka.Dispose();
    }
}
