namespace Bpm.Engine.Model;

public sealed record SequenceFlow(string Id, string? Name, string SourceId, string TargetId, string? Condition);
