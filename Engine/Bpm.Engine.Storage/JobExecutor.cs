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
    /// <summary>
    /// Locks up to <see cref="JobOptions.BatchSize"/> due jobs in the name of this node: where jobs are claimed in
    /// batches (<see cref="RunDueBatchesAsync"/>), only timer starts.
    /// </summary>
    public async Task<IReadOnlyList<JobRow>> AcquireAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp(); // wall time on purpose: the clock may be virtual
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var jobs = await JobLockQuery.LockAsync(db, storage.Provider, options.NodeId, now, now + options.LockDuration, options.BatchSize, ClaimsInBatches, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        metrics.JobsAcquired(jobs.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return jobs;
    }

    /// <summary>Whether due timers and continuations are claimed in the transaction that fires them (PostgreSQL).</summary>
    public bool ClaimsInBatches => storage.Provider == DatabaseProvider.PostgreSql && options.CommandBatchSize > 1;

    /// <summary>
    /// On PostgreSQL: <see cref="JobOptions.Parallelism"/> lanes, each claiming up to <see cref="JobOptions.CommandBatchSize"/>
    /// due timers and continuations in a transaction and firing them in that same transaction, batch after batch, until
    /// nothing more is due or the lane ran <see cref="JobOptions.BatchSize"/> jobs. Jobs of a batch that cannot be
    /// applied whole go back, and are then locked and run one by one. Timer starts are left to <see cref="AcquireAsync"/>.
    /// </summary>
    /// <returns>Whether a lane stopped at its limit, so that more may be due.</returns>
    public async Task<bool> RunDueBatchesAsync(CancellationToken cancellationToken)
    {
        if (!ClaimsInBatches) return false;
        var full = 0;
        var lanes = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Parallelism), lanes, async (_, ct) =>
        {
            for (var ran = 0; ran < options.BatchSize;)
            {
                var claimed = await ClaimAndRunBatchAsync(ct);
                if (claimed < options.CommandBatchSize) return;
                ran += claimed;
            }
            Interlocked.Increment(ref full);
        });
        return full > 0;
    }

    private async Task<int> ClaimAndRunBatchAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        IReadOnlyList<JobRow> claimed = [];
        var applied = await TryRunBatchAsync(async (db, token) =>
        {
            claimed = await JobClaimQuery.ClaimAsync(db, time.GetUtcNow().UtcDateTime, options.CommandBatchSize, token);
            metrics.JobsAcquired(claimed.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            // Two jobs of one instance (a timer and a continuation, say) run one after the other, on their own.
            return claimed.DistinctBy(j => j.ProcessInstanceId).Count() == claimed.Count ? claimed : null;
        }, cancellationToken);
        if (!applied && claimed.Count > 0) await RunOneByOneAsync(claimed, cancellationToken);
        return claimed.Count;
    }

    /// <summary>Locks those of <paramref name="jobs"/> still free in the name of this node and runs each in its own transaction.</summary>
    private async Task RunOneByOneAsync(IReadOnlyList<JobRow> jobs, CancellationToken cancellationToken)
    {
        List<JobRow> locked;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var now = time.GetUtcNow().UtcDateTime;
            locked = await JobLockQuery.LockAsync(db, [.. jobs.Select(j => j.Id)], options.NodeId, now, now + options.LockDuration, cancellationToken);
        }
        foreach (var job in locked) await RunAsync(job, cancellationToken);
    }

    /// <summary>Runs acquired jobs, each committing or rolling back whole.</summary>
    public async Task RunAsync(IReadOnlyList<JobRow> jobs, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken };
        var (batches, single) = Batches(jobs);
        await Parallel.ForEachAsync(batches, parallel, async (batch, ct) =>
        {
            var ids = batch.Select(j => j.Id).ToList();
            var applied = await TryRunBatchAsync(async (db, token) =>
                await db.Jobs.Where(j => ids.Contains(j.Id) && j.LockOwner == options.NodeId).ExecuteDeleteAsync(token) == ids.Count ? batch : null, ct);
            if (applied) return;
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

    /// <summary>
    /// Fires timers and runs continuations of distinct instances in one transaction, all or nothing.
    /// </summary>
    /// <param name="claim">Runs first in the transaction and gives the jobs it took out of the table; null when they are gone.</param>
    private async Task<bool> TryRunBatchAsync(Func<BpmDbContext, CancellationToken, Task<IReadOnlyList<JobRow>?>> claim, CancellationToken cancellationToken)
    {
        System.Diagnostics.Activity? span = null;
        var jobSpans = new List<System.Diagnostics.Activity?>();
        try
        {
            var applied = await executor.TryExecuteBatchAsync(async (db, ct) =>
            {
                if (await claim(db, ct) is not { } jobs) return null;
                if (jobs.Count > 0)
                {
                    span = EngineTracing.Source.StartActivity("bpm.job.batch")?.SetTag("bpm.jobs.count", jobs.Count);
                    jobSpans.AddRange(jobs.Select(j => EngineTracing.Source.StartActivity($"bpm.job.{j.Kind}", System.Diagnostics.ActivityKind.Internal, span?.Context ?? default)
                        ?.SetTag("bpm.job.id", j.Id).SetTag("bpm.process_instance.id", j.ProcessInstanceId)));
                }
                return jobs.ToDictionary(j => j.ProcessInstanceId!, j => j.Kind == JobRow.Continuation
                    ? (InstanceCommandExecutor.InstanceCommand)((definition, instance) => runtime.Continue(definition, instance, j.TokenId!))
                    : (definition, instance) => runtime.FireTimer(definition, instance, j.Id));
            }, cancellationToken);
            span?.SetTag("bpm.jobs.batched", applied);
            return applied;
        }
        finally
        {
            foreach (var jobSpan in jobSpans) jobSpan?.Dispose();
            span?.Dispose();
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
