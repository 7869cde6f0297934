namespace Bpm.Deployment.Tests.Infrastructure;

/// <summary>
/// The environment variables the worker host (Workers/Bpm.Workers) reads, as docs/operations.md lists them.
/// The manifests may set only these; the worker host's options must bind them.
/// </summary>
public static class WorkerSettings
{
    public static readonly IReadOnlySet<string> Read = new HashSet<string>(StringComparer.Ordinal)
    {
        "Bpm__Workers__Transport",
        "Bpm__Workers__EngineUrl",
        "Bpm__Workers__ApiKey",
        "Bpm__Kafka__BootstrapServers",
        "Bpm__Kafka__GroupId",
        "Bpm__RabbitMq__Host",
        "Bpm__RabbitMq__Username",
        "Bpm__RabbitMq__Password",
        "Bpm__Logging__Json",
    };
}
