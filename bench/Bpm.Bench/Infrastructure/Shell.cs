using System.Diagnostics;

namespace Bpm.Bench.Infrastructure;

/// <summary>Runs a command to its end and returns what it printed; a non-zero exit is an error.</summary>
public static class Shell
{
    public static Task<string> RunAsync(string file, IEnumerable<string> args, string? workingDirectory = null, IDictionary<string, string>? environment = null) =>
        Start(file, args, workingDirectory, environment).Output;

    /// <summary>Starts a command: its process id, for measuring it while it runs, and what it printed once it ended.</summary>
    public static (int ProcessId, Task<string> Output) Start(string file, IEnumerable<string> args, string? workingDirectory = null, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}");
        return (process.Id, WaitAsync(process, file, start));
    }

    private static async Task<string> WaitAsync(Process process, string file, ProcessStartInfo start)
    {
        using var _ = process;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}: {await error}{await output}");
        return await output + await error;
    }

    /// <summary>Runs as the postgres user when we are root, as PostgreSQL refuses to run as root.</summary>
    public static Task<string> RunAsPostgresAsync(string file, IEnumerable<string> args) =>
        Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", file, .. args]) : RunAsync(file, args);
}
