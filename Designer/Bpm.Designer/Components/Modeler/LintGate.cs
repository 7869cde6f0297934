namespace Bpm.Designer.Components.Modeler;

/// <summary>Whether the lint lets a diagram go to the engine: its errors stop a deploy, its warnings do not.</summary>
public static class LintGate
{
    /// <summary>Why the diagram is not deployed, naming each error and its element; null when nothing stops it.</summary>
    public static string? Refusal(IEnumerable<LintIssue> issues)
    {
        var errors = issues.Where(i => i.IsError).ToList();
        if (errors.Count == 0) return null;
        var named = errors.Select(e => e.Id is null ? e.Message : $"{e.Id}: {e.Message}");
        return $"Not deployed: the lint found {errors.Count} error{(errors.Count == 1 ? "" : "s")} the engine would refuse — {string.Join("; ", named)}";
    }
}
