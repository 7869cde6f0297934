namespace Bpm.Engine.Expressions;

/// <summary>The FEEL temporal types the evaluator supports.</summary>
internal enum TemporalKind
{
    DateTime,
    Date,
    Duration,
}
