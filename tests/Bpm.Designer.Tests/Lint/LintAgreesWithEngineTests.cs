using System.Text.Json.Nodes;
using Bpm.Engine.Parsing;
using Bpm.Testing;

namespace Bpm.Designer.Tests.Lint;

/// <summary>
/// The modeler's lint errors stop a deploy, so they must be exactly what the engine refuses: every kind of flow node
/// and event is parsed by the engine and linted with the designer's rules, and the two verdicts must agree.
/// </summary>
public sealed class LintAgreesWithEngineTests
{
    [Fact]
    public async Task Should_report_errors_exactly_for_the_models_the_engine_refuses()
    {
        var cases = ModelCases.All().ToList();
        var folder = Directory.CreateTempSubdirectory("bpm-lint-cases-").FullName;
        try
        {
            var files = cases.Select((c, i) => (c, Path.Combine(folder, $"{i:000}.bpmn"))).ToDictionary();
            foreach (var (model, file) in files) await File.WriteAllTextAsync(file, model.Xml);
            var lint = await DesignerLint.RunAsync(files.Values);

            var disagreements = new List<string>();
            foreach (var (model, file) in files)
            {
                var refusal = new BpmnParser().Parse(model.Xml).Errors.FirstOrDefault();
                var errors = lint[file].Where(f => f.IsError).ToList();
                if ((refusal is null) != (errors.Count == 0))
                {
                    disagreements.Add($"{model.Name}: the engine {(refusal is null ? "accepts it" : $"refuses it ({refusal.Message})")}, " +
                        $"the lint {(errors.Count == 0 ? "finds no error" : $"reports {string.Join("; ", errors.Select(e => $"{e.Category} {e.Id}: {e.Message} ({e.Rule})"))}")}");
                }
            }
            Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Should_try_every_kind_the_lint_lists_as_supported()
    {
        var listed = JsonNode.Parse(File.ReadAllText(SourceTree.PathOf("Designer/Bpm.Designer/src/lint/bpmnlint-plugin-bpm/supported.json")))!;
        var entries = new List<string>();
        foreach (var type in listed["elements"]!.AsArray()) entries.Add($"elements/{type}");
        foreach (var loop in listed["loops"]!.AsArray()) entries.Add($"loops/{loop}");
        foreach (var extension in listed["extensions"]!.AsArray()) entries.Add($"extensions/{extension}");
        foreach (var (group, nested) in new[] { ("startEvents", listed["startEvents"]!), ("events", listed["events"]!) })
        {
            foreach (var (key, definitions) in nested.AsObject())
                entries.AddRange(definitions!.AsArray().Select(d => $"{group}/{key}/{d}"));
        }
        var tried = ModelCases.All().Select(c => c.Listing).OfType<string>().ToHashSet();

        var untried = entries.Where(e => !tried.Contains(e)).ToList();
        Assert.True(untried.Count == 0, "No model tries " + string.Join(", ", untried));
        Assert.True(entries.Count > 30, $"supported.json lists only {entries.Count} kinds");
    }

    [Fact]
    public async Task Should_find_no_error_in_the_shipped_models_and_name_the_unsupported_gateway()
    {
        var shipped = Directory.GetFiles(SourceTree.PathOf("Engine/Bpm.Engine.Host/models"), "*.bpmn");
        var gateway = Path.Combine(AppContext.BaseDirectory, "Fixtures", "unsupported-gateway.bpmn");

        var lint = await DesignerLint.RunAsync([.. shipped, gateway]);

        Assert.NotEmpty(shipped);
        Assert.All(shipped, file => Assert.DoesNotContain(lint[file], f => f.IsError));
        var error = Assert.Single(lint[gateway], f => f.IsError);
        Assert.Equal(("approveExpense", "bpm/supported-elements"), (error.Id, error.Rule));
        Assert.Equal("A complex gateway cannot run on this engine (bpmn:ComplexGateway)", error.Message);
    }
}
