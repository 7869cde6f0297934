namespace Bpm.Contracts.Rest;

/// <summary>One parse problem: where it is and which BPMN elements it concerns.</summary>
public sealed record ProblemDto(string Message, int Line, int Column, string? MainElementId, List<string> ElementIds);
