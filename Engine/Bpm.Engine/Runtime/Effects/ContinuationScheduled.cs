namespace Bpm.Engine.Runtime.Effects;

/// <summary>
/// A token reached an asynchronous continuation (<c>camunda:asyncBefore</c> / <c>asyncAfter</c>): the command
/// commits here, and a job continues the token in a transaction of its own.
/// </summary>
public sealed record ContinuationScheduled(string JobId, string TokenId, string ElementId, DateTimeOffset Time) : RuntimeEffect;
