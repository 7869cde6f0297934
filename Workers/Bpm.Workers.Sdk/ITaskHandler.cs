namespace Bpm.Workers.Sdk;

/// <summary>
/// Does the work of one task type. Return an outcome: <see cref="TaskOutcome.Complete"/>,
/// <see cref="TaskOutcome.Fail"/> or <see cref="TaskOutcome.BpmnError"/>. An exception is reported as a
/// failure (one retry fewer, the model's backoff); a variable of the wrong type fails without retries.
/// </summary>
public interface ITaskHandler
{
    Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken);
}
