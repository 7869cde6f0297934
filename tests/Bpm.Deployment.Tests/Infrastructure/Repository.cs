namespace Bpm.Deployment.Tests.Infrastructure;

/// <summary>Paths in the repository these tests run from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>The repository's Dockerfiles, build output and packages left out.</summary>
    public static IReadOnlyList<string> Dockerfiles() =>
        Directory.EnumerateFiles(Root, "Dockerfile", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules" or ".git"))
            .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Bpm.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Bpm.sln not found above " + AppContext.BaseDirectory);
    }
}
