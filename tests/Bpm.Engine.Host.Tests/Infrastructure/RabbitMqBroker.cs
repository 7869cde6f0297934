using System.Diagnostics;
using Bpm.Testing;

namespace Bpm.Engine.Host.Tests.Infrastructure;

/// <summary>The RabbitMQ node the test script starts (<c>tests/rabbitmq.sh</c>), named by <c>BPM_TEST_RABBITMQ</c>.</summary>
public static class RabbitMqBroker
{
    public const string ServerVariable = "BPM_TEST_RABBITMQ";

    public static (string Host, int Port) Address()
    {
        var value = Environment.GetEnvironmentVariable(ServerVariable)
            ?? throw new InvalidOperationException($"{ServerVariable} is not set: start RabbitMQ with `bash tests/rabbitmq.sh start` (tests/run.sh does)");
        var parts = value.Split(':');
        return (parts[0], int.Parse(parts[1]));
    }

    /// <summary>Stops and starts the broker application inside its node: connections drop, durable queues stay.</summary>
    public static Task RestartAsync() => RunAsync("restart-app");

    /// <summary>Stops the broker application: connections drop and are refused until <see cref="StartAsync"/>.</summary>
    public static Task StopAsync() => RunAsync("stop-app");

    public static Task StartAsync() => RunAsync("start-app");

    private static async Task RunAsync(string command)
    {
        var (_, port) = Address();
        var script = SourceTree.PathOf("tests/rabbitmq.sh");
        var start = new ProcessStartInfo("bash", [script, command]) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["BPM_RABBIT_PORT"] = port.ToString();
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"RabbitMQ {command} failed: " + await process.StandardError.ReadToEndAsync());
    }

}
