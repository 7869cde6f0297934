namespace Bpm.Workers.ToolsApi;

/// <summary>The <c>Bpm:Integrations:ToolsApi</c> section: one base URL and API key per environment (dev, prod).</summary>
public sealed class ToolsApiOptions
{
    public const string Section = "Bpm:Integrations:ToolsApi";

    public ToolsApiEnvironment Dev { get; set; } = new();
    public ToolsApiEnvironment Prod { get; set; } = new();

    /// <summary>The environment of a task that names none.</summary>
    public string DefaultEnvironment { get; set; } = "prod";

    /// <summary>How often a sync job's state is read (the Tools API recommends 5 seconds).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a sync job may run before the task fails.</summary>
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromMinutes(30);

    public ToolsApiEnvironment? For(string env) => env switch
    {
        "dev" => Dev,
        "prod" => Prod,
        _ => null,
    };
}
