namespace Bpm.Engine.Host.Infrastructure;

/// <summary>The <c>Bpm</c> configuration section (environment variables <c>Bpm__...</c>).</summary>
public sealed class BpmHostOptions
{
    public DatabaseSection Database { get; set; } = new();
    public ApiKeyOptions Auth { get; set; } = new();
    public AutoDeploySection AutoDeploy { get; set; } = new();
    /// <summary>Where the embedded default keeps its SQLite file and development key.</summary>
    public string? DataFolder { get; set; }

    public sealed class DatabaseSection
    {
        public string Provider { get; set; } = "Sqlite";
    }

    public sealed class AutoDeploySection
    {
        public bool Enabled { get; set; } = true;
        public string? Folder { get; set; }
    }
}
