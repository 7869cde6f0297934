namespace Bpm.Workers.Integrations;

/// <summary>Builds a request address from a configured base URL and a relative path.</summary>
public static class Endpoint
{
    public static Uri Combine(string baseUrl, string path) => new(baseUrl.TrimEnd('/') + "/" + path.TrimStart('/'));

    /// <summary>The value, or a "not configured" failure naming the setting.</summary>
    public static string Require(string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw IntegrationException.NotConfigured(what) : value;
}
