using Bpm.Engine.Host.Transports;
using Bpm.Workers;
using Bpm.Workers.Sdk;

namespace Bpm.Engine.Host.Infrastructure;

/// <summary>
/// The seed workers inside the engine host: their tasks travel over MassTransit's in-memory bus (unless
/// configured for Kafka), and they publish their activities to this host's catalog.
/// </summary>
public static class EmbeddedWorkers
{
    public static void AddEmbeddedWorkers(this WebApplicationBuilder builder, TransportOptions transports, string apiKey)
    {
        var services = builder.Services;
        services.AddBpmWorkers(builder.Configuration, worker =>
        {
            worker.Transport = WorkerTransportKind.MassTransit;
            worker.WorkerId = $"embedded@{Environment.MachineName}";
            worker.CatalogSource = "embedded";
            worker.Http.EngineUrl = SelfUrl(builder.Configuration["urls"] ?? EngineHostExtensions.DefaultUrl);
            worker.Http.ApiKey = apiKey;
        }).AddSeedWorkers(builder.Configuration);
        var topics = services
            .Where(d => d.ServiceType == typeof(HandlerRegistration))
            .Select(d => ((HandlerRegistration)d.ImplementationInstance!).Topic);
        foreach (var topic in topics)
        {
            if (!transports.Kafka.Topics.Contains(topic) && !transports.MassTransit.Topics.Contains(topic)) transports.MassTransit.Topics.Add(topic);
        }
    }

    /// <summary>The first address the host listens on, as a client on this machine reaches it.</summary>
    private static string SelfUrl(string urls)
    {
        var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        foreach (var wildcard in new[] { "://*", "://+", "://0.0.0.0", "://[::]" })
            first = first.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        return first;
    }
}
