using System.Text.Json.Nodes;

namespace Bpm.Engine.Runtime;

/// <summary>
/// A token resting at one node: one activity instance. Its id is the activity instance id and, for
/// service and user tasks, also the external task or user task id.
/// </summary>
public sealed class Token
{
    public required string Id { get; init; }
    public required string NodeId { get; init; }
    /// <summary>The sub-process token whose scope holds this token; null at the process level.</summary>
    public string? ScopeTokenId { get; init; }
    public TokenState State { get; set; }
    /// <summary>The sequence flow this token arrived by (used by joins).</summary>
    public string? ArrivedBy { get; init; }
    /// <summary>Local variables: input mappings of an activity, the variables of a sub-process scope.</summary>
    public JsonObject? Variables { get; set; }
    /// <summary>The incident that stopped this token, if <see cref="State"/> is <see cref="TokenState.Failed"/>.</summary>
    public string? IncidentId { get; set; }
    /// <summary>
    /// True for the body of a multi-instance activity: it holds the loop's counters and the inner instances,
    /// tokens on the same node scoped by it.
    /// </summary>
    public bool IsMultiInstanceBody { get; set; }
    /// <summary>Set while the token waits at an asynchronous continuation: the step the job will run.</summary>
    public AsyncStep? PendingContinuation { get; set; }
    /// <summary>The continuation the token has passed at its node, so it is not taken twice.</summary>
    public AsyncStep? PassedContinuation { get; set; }
    /// <summary>For a compensation throw event: the handlers still to run, next first.</summary>
    public List<string>? PendingCompensations { get; set; }
    /// <summary>For a compensation handler's token: the throw event that runs it.</summary>
    public string? CompensationThrowerId { get; init; }
    /// <summary>The instance a call activity's token started and waits for.</summary>
    public string? CalledInstanceId { get; set; }
    /// <summary>True when the token failed while leaving its node, so a retry resumes there.</summary>
    public bool FailedLeaving { get; set; }
    public DateTimeOffset StartTime { get; init; }
}
