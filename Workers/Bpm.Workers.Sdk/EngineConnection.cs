namespace Bpm.Workers.Sdk;

/// <summary>How a worker's HTTP calls reach the engine: its address and API key from <see cref="WorkerOptions.Http"/>.</summary>
public static class EngineConnection
{
    public const string ApiKeyHeader = "x-api-key";

    public static void Configure(HttpClient client, WorkerOptions options)
    {
        client.BaseAddress = new Uri(options.Http.EngineUrl.TrimEnd('/') + "/");
        if (!string.IsNullOrEmpty(options.Http.ApiKey)) client.DefaultRequestHeaders.Add(ApiKeyHeader, options.Http.ApiKey);
    }
}
