namespace Bpm.Designer.Tests.Lint;

/// <summary>One issue the designer's bpmnlint rules report, as <c>lint.mjs --json</c> prints it.</summary>
public sealed record LintFinding(string? Id, string Rule, string Category, string Message)
{
    public bool IsError => Category == "error";

    public override string ToString() => $"{Category} {Id}: {Message} ({Rule})";
}
