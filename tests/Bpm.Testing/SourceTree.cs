namespace Bpm.Testing;

/// <summary>The repository the tests run from, found above their build output, and the other projects' build output.</summary>
public static class SourceTree
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>
    /// An assembly another project of the repository built in the configuration and for the framework of the
    /// running tests, e.g. <c>BuildOutput("Engine/Bpm.Engine.Host", "Bpm.Engine.Host.dll")</c>.
    /// </summary>
    public static string BuildOutput(string project, string assembly)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        var file = Path.Combine(PathOf(project), "bin", output.Parent!.Name, output.Name, assembly);
        return File.Exists(file) ? file : throw new FileNotFoundException($"Build the solution first: {assembly} not found", file);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bpm.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("Bpm.sln not found above " + AppContext.BaseDirectory);
    }
}
