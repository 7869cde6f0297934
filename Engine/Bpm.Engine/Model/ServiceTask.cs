namespace Bpm.Engine.Model;

/// <summary>
/// A service task done by an external worker that fetches tasks of <see cref="Topic"/>. <see cref="Retries"/> is the
/// number of failures the task may have before an incident, when the model says so.
/// </summary>
public sealed record ServiceTask(string Id, string? Name, string ScopeId, string Topic, int? Retries) : FlowNode(Id, Name, ScopeId)
{
    public override string ActivityType => "serviceTask";
    public override bool IsWaitState => true;
    public int Priority { get; init; }

    /// <summary>How long a failed task waits before it can be fetched again, when the worker does not say (<c>camunda:failedJobRetryTimeCycle R2/PT5M</c>).</summary>
    public TimeSpan? RetryBackoff { get; init; }
}
