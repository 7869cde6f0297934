namespace Bpm.Designer.Components.Modeler;

/// <summary>The one element selected on the diagram: its id, bpmn-js type (<c>bpmn:UserTask</c>) and name.</summary>
public sealed record SelectedElement(string Id, string Type, string? Name)
{
    public bool IsUserTask => Type == "bpmn:UserTask";

    public string Label => string.IsNullOrWhiteSpace(Name) ? Id : Name;
}
