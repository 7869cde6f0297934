using System.Diagnostics.Metrics;
using Bpm.Engine.Runtime;
using Bpm.Engine.Runtime.Effects;

namespace Bpm.Engine.Storage.Telemetry;

/// <summary>
/// The engine's metrics (meter <c>Bpm.Engine</c>), recorded after a command has committed, so a command that
/// rolls back or runs again after a concurrency conflict counts once. Exported by the host on <c>/metrics</c>.
/// </summary>
public sealed class EngineMetrics
{
    public const string MeterName = "Bpm.Engine";

    /// <summary>The activity types of start events at process level: entering one means an instance started.</summary>
    private static readonly HashSet<string> StartEventTypes = ["startEvent", "startTimerEvent", "messageStartEvent", "signalStartEvent"];

    private readonly Counter<long> _instancesStarted;
    private readonly Counter<long> _instancesCompleted;
    private readonly Counter<long> _userTasksCreated;
    private readonly Counter<long> _userTasksCompleted;
    private readonly Counter<long> _externalTasksActivated;
    private readonly Counter<long> _externalTasksCompleted;
    private readonly Counter<long> _externalTasksFailed;
    private readonly Counter<long> _answersFromFetch;
    private readonly Counter<long> _jobsAcquired;
    private readonly Histogram<double> _jobAcquisition;
    private readonly Histogram<long> _commandsGrouped;
    private volatile IReadOnlyDictionary<string, long> _openIncidents = new Dictionary<string, long>();
    private volatile IReadOnlyDictionary<string, double> _outboxLag = new Dictionary<string, double>();

    public EngineMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _instancesStarted = meter.CreateCounter<long>("bpm.process_instances.started", description: "Process instances started, by process definition key");
        _instancesCompleted = meter.CreateCounter<long>("bpm.process_instances.completed", description: "Process instances that reached their end, by process definition key");
        _userTasksCreated = meter.CreateCounter<long>("bpm.user_tasks.created", description: "User tasks created, by process definition key");
        _userTasksCompleted = meter.CreateCounter<long>("bpm.user_tasks.completed", description: "User tasks completed, by process definition key");
        _externalTasksActivated = meter.CreateCounter<long>("bpm.external_tasks.activated", description: "External tasks locked by a worker's fetch, by topic");
        _externalTasksCompleted = meter.CreateCounter<long>("bpm.external_tasks.completed", description: "External tasks completed by a worker, by topic");
        _externalTasksFailed = meter.CreateCounter<long>("bpm.external_tasks.failed", description: "External tasks a worker reported as failed (kind=failure) or ended with a BPMN error (kind=bpmn_error), by topic");
        _answersFromFetch = meter.CreateCounter<long>("bpm.external_tasks.answered_from_fetch",
            description: "Worker answers written to the task and instance rows their fetch read, without reading them again (PostgreSQL)");
        _jobsAcquired = meter.CreateCounter<long>("bpm.jobs.acquired", description: "Due jobs (timers, continuations) this node acquired");
        _jobAcquisition = meter.CreateHistogram<double>("bpm.jobs.acquisition.duration", unit: "s", description: "Time one acquisition of due jobs took, locking included",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
        _commandsGrouped = meter.CreateHistogram<long>("bpm.commands.grouped", unit: "{command}", description: "Commands (instance starts, external-task completions) written together in one transaction by group commit",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128] });
        meter.CreateObservableGauge("bpm.incidents.open", ObserveOpenIncidents, description: "Open incidents in the whole database, by incident type");
        meter.CreateObservableGauge("bpm.outbox.lag", ObserveOutboxLag, unit: "s",
            description: "Age of the oldest service task that waits for a worker and could be handed out now, by topic (absent when none waits)");
    }

    /// <summary>Counts what one committed command did to its instance.</summary>
    public void Committed(CommandResult result)
    {
        var key = new KeyValuePair<string, object?>("process_definition_key", result.Instance.DefinitionKey);
        foreach (var effect in result.Effects)
        {
            switch (effect)
            {
                case ActivityStarted started when started.ParentActivityInstanceId == result.Instance.Id && StartEventTypes.Contains(started.ActivityType):
                    _instancesStarted.Add(1, key);
                    break;
                case InstanceEnded { State: InstanceState.Completed }:
                    _instancesCompleted.Add(1, key);
                    break;
                case UserTaskCreated:
                    _userTasksCreated.Add(1, key);
                    break;
                case WaitEnded { ActivityType: "userTask", Canceled: false }:
                    _userTasksCompleted.Add(1, key);
                    break;
            }
        }
    }

    public void ExternalTasksActivated(string topic, int count) => _externalTasksActivated.Add(count, Topic(topic));

    public void ExternalTaskCompleted(string topic) => _externalTasksCompleted.Add(1, Topic(topic));

    public void ExternalTaskFailed(string topic, bool bpmnError) =>
        _externalTasksFailed.Add(1, Topic(topic), new KeyValuePair<string, object?>("kind", bpmnError ? "bpmn_error" : "failure"));

    public void AnsweredFromFetch(int count) => _answersFromFetch.Add(count);

    public void JobsAcquired(int count, TimeSpan took)
    {
        _jobAcquisition.Record(took.TotalSeconds);
        if (count > 0) _jobsAcquired.Add(count);
    }

    /// <summary>One transaction of the group commit wrote <paramref name="commands"/> commands.</summary>
    public void CommandsGrouped(int commands) => _commandsGrouped.Record(commands);

    /// <summary>The open incidents by type, as last counted in the database.</summary>
    public void SetOpenIncidents(IReadOnlyDictionary<string, long> byType) => _openIncidents = byType;

    public void SetOutboxLag(IReadOnlyDictionary<string, double> byTopic) => _outboxLag = byTopic;

    private IEnumerable<Measurement<double>> ObserveOutboxLag() =>
        _outboxLag.Select(l => new Measurement<double>(l.Value, new KeyValuePair<string, object?>("topic", l.Key)));

    private IEnumerable<Measurement<long>> ObserveOpenIncidents() =>
        _openIncidents.Select(i => new Measurement<long>(i.Value, new KeyValuePair<string, object?>("incident_type", i.Key)));

    private static KeyValuePair<string, object?> Topic(string topic) => new("topic", topic);
}
