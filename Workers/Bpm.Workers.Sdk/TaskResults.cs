using Bpm.Contracts.Workers;

namespace Bpm.Workers.Sdk;

/// <summary>Turns a handler's outcome into the result message a message transport sends back.</summary>
public static class TaskResults
{
    public static TaskResult From(TaskActivated task, string workerId, TaskOutcome outcome) => outcome switch
    {
        TaskOutcome.Completed c => new TaskCompleted
        {
            TaskId = task.TaskId, LockToken = task.LockToken, WorkerId = workerId, ProcessInstanceId = task.ProcessInstanceId,
            Variables = c.Variables,
        },
        TaskOutcome.Failed f => new TaskFailed
        {
            TaskId = task.TaskId, LockToken = task.LockToken, WorkerId = workerId, ProcessInstanceId = task.ProcessInstanceId,
            ErrorMessage = f.Message, ErrorDetails = f.Details,
            Retries = RetriesAfter(task, f), RetryTimeoutMs = (long?)f.RetryAfter?.TotalMilliseconds,
        },
        TaskOutcome.BpmnErrorThrown e => new TaskBpmnErrorThrown
        {
            TaskId = task.TaskId, LockToken = task.LockToken, WorkerId = workerId, ProcessInstanceId = task.ProcessInstanceId,
            ErrorCode = e.Code, ErrorMessage = e.Message, Variables = e.Variables,
        },
        _ => throw new ArgumentException($"Unknown outcome {outcome.GetType().Name}", nameof(outcome)),
    };

    /// <summary>A release on shutdown: the task goes back to the pool at once, its retries untouched.</summary>
    public static TaskReleased Release(TaskActivated task, string workerId) => new()
    {
        TaskId = task.TaskId, LockToken = task.LockToken, WorkerId = workerId, ProcessInstanceId = task.ProcessInstanceId,
        Reason = $"Released by worker '{workerId}' on shutdown",
    };

    /// <summary>
    /// Retries left after a failure: what the handler said, else the model's policy (sent as null); a model
    /// without a policy gets no retries, so the failure becomes an incident at once.
    /// </summary>
    public static int? RetriesAfter(TaskActivated task, TaskOutcome.Failed failure) =>
        failure.Retries ?? (task.Retries is null ? 0 : null);
}
