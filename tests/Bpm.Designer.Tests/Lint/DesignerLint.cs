using System.Diagnostics;
using System.Text.Json;
using Bpm.Designer.Components.Modeler;
using Bpm.Testing;

namespace Bpm.Designer.Tests.Lint;

/// <summary>
/// The designer's bpmnlint configuration run by node on files (<c>Designer/Bpm.Designer/lint.mjs</c>): the same
/// rules the modeler bundles, over the node_modules the designer's build installed.
/// </summary>
public static class DesignerLint
{
    public static async Task<IReadOnlyDictionary<string, List<LintIssue>>> RunAsync(IReadOnlyCollection<string> files)
    {
        // Started directly rather than as a ChildProcess: the JSON on standard output must stay apart from standard error.
        using var process = Process.Start(ChildProcess.Command("node", ["lint.mjs", "--json", .. files], SourceTree.PathOf("Designer/Bpm.Designer"))) ?? throw new InvalidOperationException("node did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        // 0: no lint errors, 1: lint errors; anything else is the script failing.
        if (process.ExitCode is not (0 or 1)) throw new InvalidOperationException($"lint.mjs exited with {process.ExitCode}:\n{await errors}");
        return JsonSerializer.Deserialize<Dictionary<string, List<LintIssue>>>(await output, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("lint.mjs printed no results");
    }
}
