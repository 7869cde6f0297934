namespace Bpm.Bench.Infrastructure;

/// <summary>Finds the repository and the outputs of its other projects from the bench's own build output.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Model(string name) => Path.Combine(AppContext.BaseDirectory, "models", name);

    /// <summary>
    /// The environment variable that names another engine host to run: the <c>Bpm.Engine.Host.dll</c> of a published
    /// folder, such as the container image's (see the host's Dockerfile).
    /// </summary>
    public const string HostVariable = "BPM_BENCH_HOST";

    /// <summary>The engine host <see cref="HostVariable"/> names, else the one built in the same configuration as this tool.</summary>
    public static string HostAssembly()
    {
        if (Environment.GetEnvironmentVariable(HostVariable) is { Length: > 0 } named)
            return File.Exists(named) ? Path.GetFullPath(named) : throw new FileNotFoundException($"{HostVariable} names no file", named);
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        var dll = Path.Combine(Root, "Engine", "Bpm.Engine.Host", "bin", output.Parent!.Name, output.Name, "Bpm.Engine.Host.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("The engine host is not built", dll);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bpm.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Bpm.sln not found above " + AppContext.BaseDirectory);
    }
}
