using Bpm.Engine.Storage;

namespace Bpm.Engine.Host.Infrastructure;

/// <summary>The <c>Bpm</c> configuration section (environment variables <c>Bpm__...</c>).</summary>
public sealed class BpmHostOptions
{
    public DatabaseSection Database { get; set; } = new();
    public ApiKeyOptions Auth { get; set; } = new();
    public AutoDeploySection AutoDeploy { get; set; } = new();
    public WorkersSection Workers { get; set; } = new();
    public DesignerSection Designer { get; set; } = new();
    /// <summary>Where the embedded default keeps its SQLite file and development key.</summary>
    public string? DataFolder { get; set; }
    /// <summary><c>Bpm:Jobs</c>: this node's job executor.</summary>
    public JobOptions Jobs { get; set; } = new();
    /// <summary><c>Bpm:GroupCommit</c>: starts and completions arriving together share transactions.</summary>
    public GroupCommitOptions GroupCommit { get; set; } = new();
    /// <summary><c>Bpm:QueueVacuum</c>: on PostgreSQL, how soon the engine vacuums its queue tables itself.</summary>
    public QueueVacuumOptions QueueVacuum { get; set; } = new();
    /// <summary><c>Bpm:History</c>: what the engine remembers of the activities its instances passed.</summary>
    public HistorySection History { get; set; } = new();
    public TelemetrySection Telemetry { get; set; } = new();
    public LoggingSection Logging { get; set; } = new();
    /// <summary>How long a stopping node may take to finish in-flight requests and jobs.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public sealed class DatabaseSection
    {
        public string Provider { get; set; } = "Sqlite";
    }

    public sealed class HistorySection
    {
        public HistoryLevel Level { get; set; } = HistoryLevel.Activity;
    }

    public sealed class WorkersSection
    {
        /// <summary>
        /// Runs the seed workers inside this host over MassTransit's in-memory transport, so the shipped
        /// processes run end to end with nothing else started (on in Development, the README's run command).
        /// </summary>
        public bool Embedded { get; set; }
    }

    /// <summary><c>Bpm:Designer</c>: the host serves the designer at <c>/</c> unless <c>Enabled</c> is false; the designer reads its own keys from the same section.</summary>
    public sealed class DesignerSection
    {
        public bool Enabled { get; set; } = true;
    }

    public sealed class AutoDeploySection
    {
        public bool Enabled { get; set; } = true;
        public string? Folder { get; set; }
    }

    public sealed class TelemetrySection
    {
        /// <summary>Where traces go (OTLP); none sent when neither this nor <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.</summary>
        public string? OtlpEndpoint { get; set; }
        /// <summary>The service name on traces.</summary>
        public string ServiceName { get; set; } = "bpm-engine";
        /// <summary>How often the open-incidents gauge is counted from the database.</summary>
        public TimeSpan GaugeInterval { get; set; } = TimeSpan.FromSeconds(15);
    }

    public sealed class LoggingSection
    {
        /// <summary>One JSON object per log line on the console, with scopes (instance and task ids, trace ids).</summary>
        public bool Json { get; set; }
    }
}
