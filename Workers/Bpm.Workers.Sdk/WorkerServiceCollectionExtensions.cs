using Bpm.Workers.Sdk.Catalog;
using Bpm.Workers.Sdk.Transports.Http;
using Bpm.Workers.Sdk.Transports.Kafka;
using Bpm.Workers.Sdk.Transports.MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bpm.Workers.Sdk;

public static class WorkerServiceCollectionExtensions
{
    /// <summary>
    /// Adds the worker runtime with the transport named by <c>Bpm:Worker:Transport</c> (Http, Kafka or
    /// MassTransit); handler code is the same for all three.
    /// </summary>
    public static WorkerBuilder AddBpmWorkers(this IServiceCollection services, IConfiguration configuration, Action<WorkerOptions>? configure = null)
    {
        var options = configuration.GetSection("Bpm:Worker").Get<WorkerOptions>() ?? new WorkerOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        services.AddSingleton<TaskExecutor>();
        services.AddHostedService<WorkerService>();
        services.AddHttpClient<ActivityCatalogClient>(client => EngineConnection.Configure(client, options));
        services.AddHostedService<ActivityCatalogPublisher>();
        WorkerTelemetry.Add(services, configuration, options);
        switch (options.Transport)
        {
            case WorkerTransportKind.Http:
                services.AddHttpClient<IWorkerTransport, HttpWorkerTransport>(client =>
                {
                    EngineConnection.Configure(client, options);
                    client.Timeout = options.Http.LongPollTimeout + TimeSpan.FromSeconds(30);
                });
                break;
            case WorkerTransportKind.Kafka:
                if (string.IsNullOrWhiteSpace(options.Kafka.BootstrapServers))
                    throw new InvalidOperationException("Bpm:Worker:Kafka:BootstrapServers is required for the Kafka transport");
                services.AddSingleton<IWorkerTransport, KafkaWorkerTransport>();
                break;
            case WorkerTransportKind.MassTransit:
                if (options.RabbitMq.SendTimeout <= TimeSpan.Zero)
                    throw new InvalidOperationException($"Bpm:Worker:RabbitMq:SendTimeout must be positive, was '{options.RabbitMq.SendTimeout}'");
                services.AddMassTransitWorkerTransport(options);
                break;
            default:
                throw new InvalidOperationException($"Bpm:Worker:Transport must be Http, Kafka or MassTransit, was '{options.Transport}'");
        }
        return new WorkerBuilder(services, options);
    }
}
