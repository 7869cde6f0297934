using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Bpm.Engine.Host.Tests.Infrastructure;

/// <summary>
/// A worker process (<c>Bpm.TestWorker</c>, the SDK with an echo handler) configured through environment
/// variables, as an operator would start one more pool member.
/// </summary>
public sealed partial class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WorkerProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Task ids this worker finished, one entry per time.</summary>
    public IReadOnlyList<string> Handled => HandledLine().Matches(Output).Select(m => m.Groups[1].Value).ToList();

    /// <summary>Task ids this worker began, one entry per time.</summary>
    public IReadOnlyList<string> Started => StartedLine().Matches(Output).Select(m => m.Groups[1].Value).ToList();

    public static WorkerProcess Start(string workerId, IDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet", [Assembly()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Bpm__Worker__WorkerId"] = workerId;
        start.Environment["Bpm__Worker__Http__ApiKey"] = EngineProcess.ApiKey;
        start.Environment["Logging__LogLevel__Default"] = "Information";
        start.Environment["Logging__LogLevel__Microsoft"] = "Warning";
        start.Environment["Logging__LogLevel__System.Net.Http"] = "Warning";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in settings) start.Environment[key] = value;
        return new WorkerProcess(Process.Start(start)!);
    }

    /// <summary>Ends the process at once, mid-task, as a crash or an OOM kill would.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Asks the process to stop (SIGTERM), as Kubernetes does before a pod goes away.</summary>
    public async Task TerminateAsync(TimeSpan timeout)
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
        await kill.WaitForExitAsync();
        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
    }

    /// <summary>Waits until the worker has begun a task.</summary>
    public Task WaitUntilBusyAsync(TimeSpan timeout) => WaitAsync(() => Started.Count > 0, "a started task", timeout);

    public Task WaitForOutputAsync(string text, TimeSpan timeout) => WaitAsync(() => Output.Contains(text, StringComparison.Ordinal), $"'{text}'", timeout);

    private async Task WaitAsync(Func<bool> done, string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Worker output did not show {text} within {timeout}:\n{Output}");
            if (_process.HasExited) throw new InvalidOperationException($"The worker exited with code {_process.ExitCode}:\n{Output}");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static string Assembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Bpm.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException("Bpm.sln not found above " + AppContext.BaseDirectory);
        var dll = Path.Combine(root.FullName, "tests", "Bpm.TestWorker", "bin", configuration, testOutput.Name, "Bpm.TestWorker.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first: test worker not found", dll);
    }

    [GeneratedRegex(@"^handled (\S+)", RegexOptions.Multiline)]
    private static partial Regex HandledLine();

    [GeneratedRegex(@"^started (\S+)", RegexOptions.Multiline)]
    private static partial Regex StartedLine();
}
