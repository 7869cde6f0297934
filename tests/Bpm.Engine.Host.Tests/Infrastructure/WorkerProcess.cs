using System.Text.RegularExpressions;
using Bpm.Testing;

namespace Bpm.Engine.Host.Tests.Infrastructure;

/// <summary>
/// A worker process (<c>Bpm.TestWorker</c>, the SDK with an echo handler) configured through environment
/// variables, as an operator would start one more pool member.
/// </summary>
public sealed partial class WorkerProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private WorkerProcess(ChildProcess process) => _process = process;

    public string Output => _process.Output;

    /// <summary>Task ids this worker finished, one entry per time.</summary>
    public IReadOnlyList<string> Handled => HandledLine().Matches(Output).Select(m => m.Groups[1].Value).ToList();

    /// <summary>Task ids this worker began, one entry per time.</summary>
    public IReadOnlyList<string> Started => StartedLine().Matches(Output).Select(m => m.Groups[1].Value).ToList();

    public static WorkerProcess Start(string workerId, IDictionary<string, string> settings)
    {
        var start = ChildProcess.Dotnet(SourceTree.BuildOutput("tests/Bpm.TestWorker", "Bpm.TestWorker.dll"), Path.GetTempPath());
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Bpm__Worker__WorkerId"] = workerId;
        start.Environment["Bpm__Worker__Http__ApiKey"] = EngineProcess.ApiKey;
        start.Environment["Logging__LogLevel__Default"] = "Information";
        start.Environment["Logging__LogLevel__Microsoft"] = "Warning";
        start.Environment["Logging__LogLevel__System.Net.Http"] = "Warning";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in settings) start.Environment[key] = value;
        return new WorkerProcess(ChildProcess.Start(start));
    }

    /// <summary>Ends the process at once, mid-task, as a crash or an OOM kill would.</summary>
    public void Kill() => _process.Kill();

    /// <summary>Asks the process to stop (SIGTERM), as Kubernetes does before a pod goes away.</summary>
    public Task TerminateAsync(TimeSpan timeout) => _process.TerminateAsync(timeout);

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

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    [GeneratedRegex(@"^handled (\S+)", RegexOptions.Multiline)]
    private static partial Regex HandledLine();

    [GeneratedRegex(@"^started (\S+)", RegexOptions.Multiline)]
    private static partial Regex StartedLine();
}
