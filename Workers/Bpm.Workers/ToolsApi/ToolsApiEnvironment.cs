namespace Bpm.Workers.ToolsApi;

/// <summary>Where the Tools API of one environment is and the key it accepts in <c>x-api-key</c>.</summary>
public sealed class ToolsApiEnvironment
{
    public string? BaseUrl { get; set; }
    public string? ApiKey { get; set; }
}
