namespace Bpm.Engine.Host.Infrastructure;

/// <summary>The <c>Bpm</c> configuration section (environment variables <c>Bpm__...</c>).</summary>
public sealed class BpmHostOptions
{
    public DatabaseSection Database { get; set; } = new();
    public ApiKeyOptions Auth { get; set; } = new();
    public AutoDeploySection AutoDeploy { get; set; } = new();
    public WorkersSection Workers { get; set; } = new();
    /// <summary>Where the embedded default keeps its SQLite file and development key.</summary>
    public string? DataFolder { get; set; }

    public sealed class DatabaseSection
    {
        public string Provider { get; set; } = "Sqlite";
    }

    public sealed class WorkersSection
    {
        /// <summary>
        /// Runs the seed workers inside this host over MassTransit's in-memory transport, so the shipped
        /// processes run end to end with nothing else started (on in Development, the README's run command).
        /// </summary>
        public bool Embedded { get; set; }
    }

    public sealed class AutoDeploySection
    {
        public bool Enabled { get; set; } = true;
        public string? Folder { get; set; }
    }
}
