namespace Bpm.Engine.Host.Transports;

/// <summary>
/// The <c>Bpm:Transports</c> section: which task types go to worker pools over Kafka or MassTransit instead
/// of waiting for HTTP fetch-and-lock (which serves every topic regardless).
/// </summary>
public sealed class TransportOptions
{
    /// <summary>How long a delivered task stays locked before it is delivered again.</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often dispatchers look for tasks made available elsewhere (another node, an expired lock).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Tasks locked and published per round.</summary>
    public int BatchSize { get; set; } = 100;
    /// <summary>How long one publish may take before its tasks are released and tried again (a broker that went away mid-publish).</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public KafkaSection Kafka { get; set; } = new();
    public MassTransitSection MassTransit { get; set; } = new();

    public sealed class KafkaSection
    {
        public List<string> Topics { get; set; } = [];
        /// <summary>A real Kafka; when empty, the engine starts librdkafka's mock cluster in-process and logs its address.</summary>
        public string? BootstrapServers { get; set; }
    }

    public sealed class MassTransitSection
    {
        public List<string> Topics { get; set; } = [];
        /// <summary>RabbitMQ host; when empty, MassTransit's in-memory transport (workers in the same process).</summary>
        public string? Host { get; set; }
        public ushort Port { get; set; } = 5672;
        public string VirtualHost { get; set; } = "/";
        public string Username { get; set; } = "guest";
        public string Password { get; set; } = "guest";
    }
}
