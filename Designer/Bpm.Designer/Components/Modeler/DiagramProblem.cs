namespace Bpm.Designer.Components.Modeler;

/// <summary>A problem the engine found in a diagram, at an element when it names one.</summary>
public sealed record DiagramProblem(string? ElementId, string Message, int Line = 0, int Column = 0);
