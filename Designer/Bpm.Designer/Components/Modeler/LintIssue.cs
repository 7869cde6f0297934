namespace Bpm.Designer.Components.Modeler;

/// <summary>
/// An issue the modeler's lint found at an element (<paramref name="Id"/>), by one of its rules: an error is something
/// the engine would refuse to deploy, a warning is modelling advice.
/// </summary>
public sealed record LintIssue(string? Id, string Rule, string Category, string Message)
{
    public bool IsError => Category == "error";
}
