namespace Bpm.Bench.Infrastructure;

/// <summary>A private RabbitMQ node on a port of its own (the tests' script), stopped after the run.</summary>
public sealed class RabbitMqNode : IAsyncDisposable
{
    private const int Port = 55698;
    private static readonly Dictionary<string, string> Environment = new() { ["BPM_RABBIT_PORT"] = Port.ToString() };

    public string Host => "127.0.0.1";
    public int NodePort => Port;

    public static async Task<RabbitMqNode> StartAsync()
    {
        await Shell.RunAsync("bash", [Path.Combine(RepositoryPaths.Root, "tests", "rabbitmq.sh"), "start"], environment: Environment);
        return new RabbitMqNode();
    }

    public async ValueTask DisposeAsync() =>
        await Shell.RunAsync("bash", [Path.Combine(RepositoryPaths.Root, "tests", "rabbitmq.sh"), "stop"], environment: Environment);
}
