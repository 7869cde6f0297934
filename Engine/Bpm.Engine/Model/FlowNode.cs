namespace Bpm.Engine.Model;

/// <summary>A node of a process graph: an event, a gateway or an activity.</summary>
public abstract record FlowNode(string Id, string? Name, string ScopeId)
{
    public IReadOnlyList<string> Incoming { get; init; } = [];
    public IReadOnlyList<string> Outgoing { get; init; } = [];
    public IReadOnlyList<VariableMapping> Inputs { get; init; } = [];
    public IReadOnlyList<VariableMapping> Outputs { get; init; } = [];
    /// <summary>Set when the activity runs once per element of a collection.</summary>
    public MultiInstance? Loop { get; init; }
    /// <summary><c>camunda:asyncBefore</c>: the command commits before the node starts; a job starts it.</summary>
    public bool AsyncBefore { get; init; }
    /// <summary><c>camunda:asyncAfter</c>: the command commits after the node's work; a job lets the token leave.</summary>
    public bool AsyncAfter { get; init; }
    /// <summary>A compensation handler: runs only to undo the activity its compensation boundary event is attached to.</summary>
    public bool IsForCompensation { get; init; }

    /// <summary>The activity type as Camunda's history reports it (<c>userTask</c>, <c>noneEndEvent</c>...).</summary>
    public abstract string ActivityType { get; }

    /// <summary>True when a token rests here until something outside the engine acts.</summary>
    public virtual bool IsWaitState => false;
}
