using Bpm.Contracts.Workers;
using MassTransit;

namespace Bpm.Engine.Host.Transports.MassTransit;

/// <summary>Sends each task to the queue of its type (<c>bpm-tasks-{type}</c>), where competing workers consume it.</summary>
public sealed class MassTransitTaskPublisher(IBus bus, TransportOptions options) : ITaskPublisher
{
    public string Name => "masstransit";

    public IReadOnlySet<string> Topics { get; } = options.MassTransit.Topics.ToHashSet();

    public async Task PublishAsync(IReadOnlyList<TaskActivated> tasks, CancellationToken cancellationToken)
    {
        foreach (var group in tasks.GroupBy(t => t.Topic))
        {
            var endpoint = await bus.GetSendEndpoint(new Uri("queue:" + WorkerMessages.TasksQueue(group.Key)));
            await Task.WhenAll(group.Select(task => endpoint.Send(task, cancellationToken)));
        }
    }
}
