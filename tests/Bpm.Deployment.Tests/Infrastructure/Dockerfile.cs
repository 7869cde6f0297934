using System.Text.Json;

namespace Bpm.Deployment.Tests.Infrastructure;

/// <summary>A Dockerfile read into its instructions (continuation lines joined, comments dropped).</summary>
public sealed class Dockerfile
{
    private Dockerfile(string path, IReadOnlyList<(string Keyword, string Arguments)> instructions)
    {
        Path = path;
        Instructions = instructions;
    }

    /// <summary>Relative to the repository root.</summary>
    public string Path { get; }
    public IReadOnlyList<(string Keyword, string Arguments)> Instructions { get; }

    /// <summary>The folder of the project it builds: the Dockerfile sits beside the .csproj.</summary>
    public string ProjectFolder => System.IO.Path.GetDirectoryName(Path)!.Replace('\\', '/');
    public string ProjectName => System.IO.Path.GetFileName(ProjectFolder);
    public string ProjectFile => $"{ProjectFolder}/{ProjectName}.csproj";

    public static Dockerfile Read(string relativePath)
    {
        var instructions = new List<(string, string)>();
        var pending = "";
        foreach (var raw in Repository.Read(relativePath).Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (pending.Length == 0 && (line.TrimStart().StartsWith('#') || line.Trim().Length == 0)) continue;
            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }
            var whole = (pending + line).Trim();
            pending = "";
            var space = whole.IndexOf(' ');
            instructions.Add((whole[..space].ToUpperInvariant(), whole[(space + 1)..].Trim()));
        }
        return new Dockerfile(relativePath, instructions);
    }

    public IEnumerable<string> All(string keyword) => Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);

    /// <summary>The instructions of the last stage: what the image is.</summary>
    public IReadOnlyList<(string Keyword, string Arguments)> FinalStage =>
        Instructions.Skip(Instructions.ToList().FindLastIndex(i => i.Keyword == "FROM")).ToList();

    /// <summary><c>ENV</c> of the final stage as name/value pairs (the <c>NAME=value</c> form).</summary>
    public IReadOnlyDictionary<string, string> Environment() =>
        FinalStage.Where(i => i.Keyword == "ENV")
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");

    /// <summary>A <c>LABEL</c> value of the final stage.</summary>
    public string? Label(string name)
    {
        foreach (var label in FinalStage.Where(i => i.Keyword == "LABEL"))
        {
            var at = label.Arguments.IndexOf(name + "=", StringComparison.Ordinal);
            if (at < 0) continue;
            var value = label.Arguments[(at + name.Length + 1)..];
            return value.StartsWith('"') ? value[1..value.IndexOf('"', 1)] : value.Split(' ')[0];
        }
        return null;
    }

    /// <summary>The exec-form command of <c>HEALTHCHECK ... CMD [...]</c>.</summary>
    public string[] HealthCheckCommand()
    {
        var healthCheck = FinalStage.Single(i => i.Keyword == "HEALTHCHECK").Arguments;
        var json = healthCheck[(healthCheck.IndexOf("CMD ", StringComparison.Ordinal) + 4)..];
        return JsonSerializer.Deserialize<string[]>(json) ?? throw new InvalidOperationException("HEALTHCHECK CMD is not exec form");
    }

    public override string ToString() => Path;
}
