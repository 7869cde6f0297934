using Bpm.Engine.Errors;
using Bpm.Engine.Model;
using Bpm.Engine.Runtime;
using Bpm.Engine.Storage.Entities;
using Bpm.Engine.Storage.Telemetry;
using Bpm.Engine.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bpm.Engine.Storage;

/// <summary>
/// Acquires due jobs with a lock in the name of this node and runs each in the transaction that deletes it,
/// so every due timer fires exactly once across any number of nodes sharing the database. A node that dies
/// holding jobs loses them when their locks expire.
/// </summary>
public sealed class JobExecutor(
    IDbContextFactory<BpmDbContext> contexts,
    StorageOptions storage,
    JobOptions options,
    InstanceCommandExecutor executor,
    DefinitionCache definitions,
    ProcessRuntime runtime,
    TimeProvider time,
    EngineMetrics metrics,
    ILogger<JobExecutor> logger)
{
    /// <summary>Locks up to <see cref="JobOptions.BatchSize"/> due jobs in the name of this node.</summary>
    public async Task<IReadOnlyList<JobRow>> AcquireAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp(); // wall time on purpose: the clock may be virtual
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var jobs = await JobLockQuery.LockAsync(db, storage.Provider, options.NodeId, now, now + options.LockDuration, options.BatchSize, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        metrics.JobsAcquired(jobs.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return jobs;
    }

    /// <summary>Runs acquired jobs, each committing or rolling back whole.</summary>
    public async Task RunAsync(IReadOnlyList<JobRow> jobs, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken };
        var (batches, single) = Batches(jobs);
        await Parallel.ForEachAsync(batches, parallel, async (batch, ct) =>
        {
            if (await TryRunBatchAsync(batch, ct)) return;
            foreach (var job in batch) single.Add(job);
        });
        await Parallel.ForEachAsync(single, parallel, RunAsync);
    }

    /// <summary>
    /// Timer and continuation jobs of distinct instances go in batches of <see cref="JobOptions.CommandBatchSize"/>,
    /// one transaction each; timer starts and a second job of the same instance run on their own.
    /// </summary>
    private (List<List<JobRow>> Batches, System.Collections.Concurrent.ConcurrentBag<JobRow> Single) Batches(IReadOnlyList<JobRow> jobs)
    {
        var single = new System.Collections.Concurrent.ConcurrentBag<JobRow>();
        var batchable = new List<JobRow>();
        var instances = new HashSet<string>();
        foreach (var job in jobs)
        {
            if (job.Kind != JobRow.TimerStart && job.ProcessInstanceId is { } instance && instances.Add(instance)) batchable.Add(job);
            else single.Add(job);
        }
        if (options.CommandBatchSize <= 1) return ([], [.. jobs]);
        return (batchable.Chunk(options.CommandBatchSize).Select(c => c.ToList()).ToList(), single);
    }

    private async Task<bool> TryRunBatchAsync(List<JobRow> batch, CancellationToken cancellationToken)
    {
        using var span = EngineTracing.Source.StartActivity("bpm.job.batch")?.SetTag("bpm.jobs.count", batch.Count);
        var jobSpans = batch
            .Select(j => EngineTracing.Source.StartActivity($"bpm.job.{j.Kind}", System.Diagnostics.ActivityKind.Internal, span?.Context ?? default)
                ?.SetTag("bpm.job.id", j.Id).SetTag("bpm.process_instance.id", j.ProcessInstanceId))
            .ToList();
        System.Diagnostics.Activity.Current = span;
        try
        {
            var ids = batch.Select(j => j.Id).ToList();
            var commands = batch.ToDictionary(j => j.ProcessInstanceId!, j => j.Kind == JobRow.Continuation
                ? (InstanceCommandExecutor.InstanceCommand)((definition, instance) => runtime.Continue(definition, instance, j.TokenId!))
                : (definition, instance) => runtime.FireTimer(definition, instance, j.Id));
            var applied = await executor.TryExecuteBatchAsync(commands, async (db, ct) =>
                await db.Jobs.Where(j => ids.Contains(j.Id) && j.LockOwner == options.NodeId).ExecuteDeleteAsync(ct) == ids.Count,
                cancellationToken);
            span?.SetTag("bpm.jobs.batched", applied);
            return applied;
        }
        finally
        {
            foreach (var jobSpan in jobSpans) jobSpan?.Dispose();
        }
    }

    private async ValueTask RunAsync(JobRow job, CancellationToken cancellationToken)
    {
        using var span = EngineTracing.Source.StartActivity($"bpm.job.{job.Kind}")?.SetTag("bpm.job.id", job.Id).SetTag("bpm.process_instance.id", job.ProcessInstanceId);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["JobId"] = job.Id, ["ProcessInstanceId"] = job.ProcessInstanceId });
        try
        {
            if (job.Kind == JobRow.TimerStart) await StartInstanceAsync(job, cancellationToken);
            else if (job.Kind == JobRow.Continuation) await ContinueAsync(job, cancellationToken);
            else await FireTimerAsync(job, cancellationToken);
        }
        catch (JobLostException)
        {
            logger.LogInformation("Job {JobId} was taken over by another node", job.Id);
        }
        catch (EngineException e) when (e.Kind == EngineErrorKind.Suspended)
        {
            // Held with its instance; the suspension marked the job, so it is not acquired until resumed.
        }
        catch (EngineException e) when (e.Kind is EngineErrorKind.NotFound or EngineErrorKind.Conflict)
        {
            // The timer's instance ended or the timer is gone: nothing left to fire.
            await DeleteAsync(job.Id, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Job {JobId} ({Kind} at {ElementId}) failed", job.Id, job.Kind, job.ElementId);
            await FailAsync(job, e, cancellationToken);
        }
    }

    private Task FireTimerAsync(JobRow job, CancellationToken cancellationToken) =>
        RunInstanceJobAsync(job, (definition, instance) => runtime.FireTimer(definition, instance, job.Id), cancellationToken);

    private Task ContinueAsync(JobRow job, CancellationToken cancellationToken) =>
        RunInstanceJobAsync(job, (definition, instance) => runtime.Continue(definition, instance, job.TokenId!), cancellationToken);

    /// <summary>Runs a job of an instance in the transaction that deletes it, if this node still holds it.</summary>
    private Task RunInstanceJobAsync(JobRow job, InstanceCommandExecutor.InstanceCommand command, CancellationToken cancellationToken) =>
        executor.ExecuteAsync(
            async (db, ct) =>
            {
                if (await db.Jobs.Where(j => j.Id == job.Id && j.LockOwner == options.NodeId).ExecuteDeleteAsync(ct) == 0) throw new JobLostException();
                return job.ProcessInstanceId!;
            },
            command,
            cancellationToken);

    /// <summary>A timer start event fired: one new instance, and the next firing scheduled, in one transaction.</summary>
    private async Task StartInstanceAsync(JobRow job, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await OwnedAsync(db, job.Id, cancellationToken);
        var definition = await definitions.GetAsync(db, row.DefinitionId, cancellationToken);
        var start = (StartEvent)definition.Node(row.ElementId);
        var next = new StartTimer(new DateTimeOffset(row.DueAt), row.Repetitions, Cycle(start)).AfterFiring();
        if (next is null)
        {
            db.Jobs.Remove(row);
        }
        else
        {
            row.DueAt = next.Due.UtcDateTime;
            row.Repetitions = next.Remaining;
            row.LockOwner = null;
            row.LockExpiration = null;
        }
        var result = runtime.StartAt(definition, row.DefinitionId, row.ElementId, null, null);
        var work = await executor.AddAsync(db, result, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        executor.AfterCommit(work);
    }

    private static TimerCycle? Cycle(StartEvent start) =>
        StartTimer.TryFirst(start.Timer!, DateTimeOffset.UnixEpoch, out var schedule, out _) ? schedule!.Cycle : null;

    private async Task<JobRow> OwnedAsync(BpmDbContext db, string jobId, CancellationToken cancellationToken) =>
        await db.Jobs.SingleOrDefaultAsync(j => j.Id == jobId && j.LockOwner == options.NodeId, cancellationToken)
        ?? throw new JobLostException();

    private async Task DeleteAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Jobs.Where(j => j.Id == jobId && j.LockOwner == options.NodeId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>A failed job is tried again after the retry delay; with no retries left it stays, visible with its error.</summary>
    private async Task FailAsync(JobRow job, Exception error, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var retryAt = time.GetUtcNow().UtcDateTime + options.RetryDelay;
        var message = error.Message.Length > 4000 ? error.Message[..4000] : error.Message;
        await db.Jobs.Where(j => j.Id == job.Id && j.LockOwner == options.NodeId).ExecuteUpdateAsync(set => set
            .SetProperty(j => j.Retries, j => j.Retries - 1)
            .SetProperty(j => j.ErrorMessage, message)
            .SetProperty(j => j.DueAt, retryAt)
            .SetProperty(j => j.LockOwner, (string?)null)
            .SetProperty(j => j.LockExpiration, (DateTime?)null), cancellationToken);
    }

    private sealed class JobLostException : Exception;
}
