using Bpm.Engine.Model;
using Bpm.Engine.Parsing;

namespace Bpm.Engine.Tests;

/// <summary>BPMN files under Fixtures/, parsed.</summary>
internal static class Fixture
{
    public static string Xml(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static ProcessDefinition Definition(string name, Func<string, string>? edit = null, string? key = null)
    {
        var xml = Xml(name);
        if (edit is not null) xml = edit(xml);
        var result = new BpmnParser().Parse(xml);
        Assert.True(result.IsSuccess, string.Join("\n", result.Errors.Select(e => $"{e.Line}:{e.Column} {e.ElementId} {e.Message}")));
        return key is null ? Assert.Single(result.Processes) : result.Processes.Single(p => p.Key == key);
    }
}
