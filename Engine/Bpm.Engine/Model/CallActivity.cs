namespace Bpm.Engine.Model;

/// <summary>
/// Calls another process by its key (<see cref="CalledElement"/>, literal or expression) and waits for it.
/// Binding: <c>latest</c> (default), <c>deployment</c> (the version deployed with the caller) or
/// <c>version</c> (<see cref="Version"/>). Variables go in and come out by the mappings of either dialect.
/// </summary>
public sealed record CallActivity(string Id, string? Name, string ScopeId, string CalledElement) : FlowNode(Id, Name, ScopeId)
{
    public override string ActivityType => "callActivity";
    public override bool IsWaitState => true;

    public string Binding { get; init; } = "latest";
    public int? Version { get; init; }
    /// <summary>Camunda 7 <c>camunda:in variables="all"</c>; Camunda 8 passes all variables unless input mappings say otherwise.</summary>
    public bool PassAllVariables { get; init; }
    /// <summary>Camunda 7 <c>camunda:out variables="all"</c>; Camunda 8 <c>propagateAllChildVariables</c> (true by default).</summary>
    public bool ReturnAllVariables { get; init; }
    public bool PassBusinessKey { get; init; }
    public IReadOnlyList<VariableMapping> In { get; init; } = [];
    public IReadOnlyList<VariableMapping> Out { get; init; } = [];
}
