using Bpm.Testing;

namespace Bpm.Deployment.Tests.Infrastructure;

/// <summary>Paths in the repository these tests run from.</summary>
public static class Repository
{
    public static string Root => SourceTree.Root;

    public static string PathOf(string relative) => SourceTree.PathOf(relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>The repository's Dockerfiles, build output and packages left out.</summary>
    public static IReadOnlyList<string> Dockerfiles() =>
        Directory.EnumerateFiles(Root, "Dockerfile", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules" or ".git"))
            .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
