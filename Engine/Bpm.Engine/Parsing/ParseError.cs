namespace Bpm.Engine.Parsing;

/// <summary>One problem found in a BPMN resource, with where it is.</summary>
public sealed record ParseError(string Message, int Line, int Column, string? ElementId);
