namespace Bpm.Engine.Model;

/// <summary>
/// Multi-instance characteristics of an activity: run it once per element of <see cref="Collection"/> (or
/// <see cref="Cardinality"/> times), all at once or one after another, until all are done or
/// <see cref="CompletionCondition"/> holds. Expressions in either dialect.
/// </summary>
public sealed record MultiInstance(bool Sequential)
{
    public string? Cardinality { get; init; }
    public string? Collection { get; init; }
    public string? ElementVariable { get; init; }
    public string? OutputCollection { get; init; }
    public string? OutputElement { get; init; }
    public string? CompletionCondition { get; init; }
}
