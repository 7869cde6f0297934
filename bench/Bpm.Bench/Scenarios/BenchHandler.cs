using Bpm.Workers.Sdk;

namespace Bpm.Bench.Scenarios;

/// <summary>The bench's worker: completes each task at once and counts it.</summary>
public sealed class BenchHandler(BenchCounter counter) : ITaskHandler, IActivity
{
    public static ActivityDescriptor Activity { get; } = new("bench-work", "Bench work");

    public Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken)
    {
        counter.Increment();
        return Task.FromResult(TaskOutcome.Complete(new { ok = true }));
    }
}
