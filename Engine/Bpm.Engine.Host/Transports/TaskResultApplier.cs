using Bpm.Contracts.Workers;
using Bpm.Engine.Errors;
using Bpm.Engine.Storage;

namespace Bpm.Engine.Host.Transports;

/// <summary>
/// Applies a worker's answer that arrived over a message transport. The lock token decides: an answer to
/// the current delivery is applied once; a duplicate or an answer to an earlier delivery is refused and
/// logged, never applied twice.
/// </summary>
public sealed class TaskResultApplier(ExternalTaskService tasks, ILogger<TaskResultApplier> logger)
{
    /// <summary>True when applied; false when the engine refused it (the reason is logged).</summary>
    public async Task<bool> ApplyAsync(TaskResult result, CancellationToken cancellationToken)
    {
        var holder = new TaskLockHolder(result.WorkerId, result.LockToken);
        try
        {
            await (result switch
            {
                TaskCompleted c => tasks.CompleteAsync(c.TaskId, holder, c.Variables, c.LocalVariables, cancellationToken),
                TaskFailed f => tasks.HandleFailureAsync(f.TaskId, holder, f.ErrorMessage, f.ErrorDetails, f.Retries, f.RetryTimeoutMs, cancellationToken),
                TaskBpmnErrorThrown e => tasks.HandleBpmnErrorAsync(e.TaskId, holder, e.ErrorCode, e.ErrorMessage, e.Variables, cancellationToken),
                TaskLockExtended l => tasks.ExtendLockAsync(l.TaskId, holder, l.NewDurationMs, cancellationToken),
                TaskReleased r => tasks.ReleaseAsync(r.TaskId, holder, cancellationToken),
                _ => throw EngineException.Invalid($"Unknown task result {result.GetType().Name}"),
            });
            return true;
        }
        catch (EngineException e)
        {
            logger.LogWarning("Refused {Result} of task {TaskId} from worker {WorkerId}: {Reason}", WorkerMessages.TypeName(result), result.TaskId, result.WorkerId, e.Message);
            return false;
        }
    }
}
