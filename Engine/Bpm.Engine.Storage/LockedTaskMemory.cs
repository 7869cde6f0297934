using Bpm.Engine.Runtime;
using Bpm.Engine.Storage.Entities;

namespace Bpm.Engine.Storage;

/// <summary>
/// The external tasks that fetches locked on PostgreSQL, each with its instance's row as the lock statement read it,
/// kept for the worker's answer: a group of completions takes them from here instead of reading them again. What is
/// taken from here is an assumption, never a cache to trust. The group's round trip of writes checks it: the
/// instance's update checks its revision, the task's delete its lock token, lock expiration and retries
/// (<see cref="PostgreSqlBulkWriter"/>). A group that finds otherwise writes nothing and runs its commands again on
/// their own, which read the database.
/// </summary>
/// <remarks>
/// Each kept task belongs to a kept instance, and goes with it. A task is taken once, and takes its instance along: the
/// other tasks of that instance are read again when answered, since the first answer changes the instance. An instance
/// that this engine writes in any other way is forgotten too. Bounded: past <see cref="Capacity"/> tasks, or
/// <see cref="DocumentBudget"/> characters of instance documents (each kept with the instance it reads as, a few times
/// its size in memory), the oldest are forgotten, and a worker that answers one of them has it read.
/// </remarks>
public sealed class LockedTaskMemory
{
    public const int Capacity = 8192;

    public const long DocumentBudget = 4 * 1024 * 1024;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (ExternalTaskRow Task, Remembered Instance)> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Remembered> _instances = new(StringComparer.Ordinal);
    private readonly Queue<string> _arrivals = new();
    private long _documentChars;

    /// <summary>How many tasks are kept.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _tasks.Count;
        }
    }

    /// <summary>
    /// Keeps copies of the rows a fetch locked: the fetch's own rows go to its worker. An instance's copy carries what
    /// the fetch read of its document (<see cref="ProcessInstanceRow.Parsed"/>), for the answer's command to run on.
    /// </summary>
    internal void Remember(IEnumerable<(ExternalTaskRow Task, ProcessInstanceRow? Instance, ProcessInstance? Parsed)> locked)
    {
        lock (_gate)
        {
            foreach (var (task, instance, parsed) in locked)
            {
                if (instance is null || instance.Document.Length > DocumentBudget) continue;
                Forget(task.Id);
                if (!_instances.TryGetValue(instance.Id, out var remembered) || remembered.Row.Revision != instance.Revision)
                {
                    ForgetInstance(instance.Id);
                    var copy = instance.Copy();
                    copy.Parsed = parsed;
                    _instances[instance.Id] = remembered = new Remembered(copy);
                    _documentChars += instance.Document.Length;
                }
                remembered.Tasks.Add(task.Id);
                _tasks[task.Id] = (task.Copy(), remembered);
                _arrivals.Enqueue(task.Id);
            }
            while (_arrivals.Count > 0 && (_arrivals.Count > Capacity || _documentChars > DocumentBudget)) Forget(_arrivals.Dequeue());
        }
    }

    /// <summary>The task and its instance's row as the lock read them, no longer kept here; null when not kept.</summary>
    internal (ExternalTaskRow Task, ProcessInstanceRow Instance)? Take(string taskId)
    {
        lock (_gate)
        {
            if (!_tasks.TryGetValue(taskId, out var kept)) return null;
            ForgetInstance(kept.Instance.Row.Id);
            return (kept.Task, kept.Instance.Row);
        }
    }

    internal void Forget(string taskId)
    {
        lock (_gate)
        {
            if (!_tasks.Remove(taskId, out var kept)) return;
            kept.Instance.Tasks.Remove(taskId);
            if (kept.Instance.Tasks.Count == 0) ForgetInstance(kept.Instance.Row.Id);
        }
    }

    /// <summary>Forgets the rows of instances that were written, with their tasks: those are read again when answered.</summary>
    internal void ForgetInstances(IEnumerable<string> instanceIds)
    {
        lock (_gate)
        {
            if (_instances.Count == 0) return;
            foreach (var id in instanceIds) ForgetInstance(id);
        }
    }

    private void ForgetInstance(string instanceId)
    {
        if (!_instances.Remove(instanceId, out var gone)) return;
        _documentChars -= gone.Row.Document.Length;
        foreach (var taskId in gone.Tasks) _tasks.Remove(taskId);
    }

    private sealed class Remembered(ProcessInstanceRow row)
    {
        public ProcessInstanceRow Row => row;

        public List<string> Tasks { get; } = new(1);
    }
}
