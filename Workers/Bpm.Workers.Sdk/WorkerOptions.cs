namespace Bpm.Workers.Sdk;

/// <summary>The <c>Bpm:Worker</c> configuration section (environment variables <c>Bpm__Worker__...</c>).</summary>
public sealed class WorkerOptions
{
    public WorkerTransportKind Transport { get; set; } = WorkerTransportKind.Http;

    /// <summary>Names this worker process in locks and logs.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>Default lock duration of handlers that name none.</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long in-flight tasks may run on shutdown before they are released to other workers.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Publish the handlers' activities to the engine's catalog at start (needs <see cref="HttpSection.EngineUrl"/>).</summary>
    public bool PublishCatalog { get; set; } = true;

    /// <summary>Names this worker host in the engine's activity catalog.</summary>
    public string CatalogSource { get; set; } = "workers";

    /// <summary>Where task spans go over OTLP; <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> works as well. None: no export.</summary>
    public string? OtlpEndpoint { get; set; }

    public HttpSection Http { get; set; } = new();
    public KafkaSection Kafka { get; set; } = new();
    public RabbitMqSection RabbitMq { get; set; } = new();

    public sealed class HttpSection
    {
        /// <summary>The engine's address; its REST API is under <c>/engine-rest</c>.</summary>
        public string EngineUrl { get; set; } = "http://localhost:8080";
        public string? ApiKey { get; set; }
        /// <summary>How long a fetch waits on the engine for new tasks.</summary>
        public TimeSpan LongPollTimeout { get; set; } = TimeSpan.FromSeconds(20);
    }

    public sealed class KafkaSection
    {
        public string? BootstrapServers { get; set; }
        /// <summary>How soon the group gives a silent member's partitions to the others.</summary>
        public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromSeconds(45);
    }

    public sealed class RabbitMqSection
    {
        /// <summary>RabbitMQ host; empty means MassTransit's in-memory transport (in-process only).</summary>
        public string? Host { get; set; }
        public ushort Port { get; set; } = 5672;
        public string VirtualHost { get; set; } = "/";
        public string Username { get; set; } = "guest";
        public string Password { get; set; } = "guest";

        /// <summary>
        /// How long sending one answer to the engine may take before it is given up; the engine hands the task out
        /// again when its lock runs out. A broker that restarts while an answer is on its way may never confirm it.
        /// </summary>
        public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);
    }
}
