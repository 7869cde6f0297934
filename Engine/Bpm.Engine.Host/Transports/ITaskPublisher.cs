using Bpm.Contracts.Workers;

namespace Bpm.Engine.Host.Transports;

/// <summary>Hands locked tasks to a worker pool's transport; returns once the transport has accepted them all.</summary>
public interface ITaskPublisher
{
    /// <summary>Names the transport in lock owners, logs and metrics.</summary>
    string Name { get; }

    IReadOnlySet<string> Topics { get; }

    Task PublishAsync(IReadOnlyList<TaskActivated> tasks, CancellationToken cancellationToken);
}
