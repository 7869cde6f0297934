using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace Bpm.Testing;

/// <summary>
/// A program started as its own process, as it runs in production: its output kept for the test's messages,
/// killed at once (a crash), terminated (SIGTERM, as a container runtime stops it), or disposed.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output { get { lock (_output) return _output.ToString(); } }
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <summary>Start information with the output captured; add the environment, then <see cref="Start"/>.</summary>
    public static ProcessStartInfo Command(string file, IEnumerable<string> arguments, string workingDirectory) => new(file, arguments)
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
        WorkingDirectory = workingDirectory,
    };

    /// <summary>Start information for <c>dotnet {assembly}</c>.</summary>
    public static ProcessStartInfo Dotnet(string assembly, string workingDirectory) => Command("dotnet", [assembly], workingDirectory);

    public static ChildProcess Start(ProcessStartInfo start) =>
        new(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}"));

    /// <summary>Polls <paramref name="url"/> until it answers 200; fails at once when the process exits.</summary>
    public async Task WaitUntilAnsweringAsync(Uri url, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The {what} exited with code {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await probe.GetAsync(url)).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The {what} did not answer {url.AbsolutePath} within {limit.TotalSeconds:0} s:\n{Output}");
    }

    /// <summary>Ends the process at once, as a crash or an OOM kill would.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Asks the process to stop (SIGTERM) and waits for it to exit.</summary>
    /// <returns>The exit code.</returns>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        return await WaitForExitAsync(timeout);
    }

    /// <summary>Waits for the process to end by itself.</summary>
    /// <returns>The exit code.</returns>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(wait.Token);
        return _process.ExitCode;
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
}
