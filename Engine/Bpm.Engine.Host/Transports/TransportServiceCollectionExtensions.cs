using Bpm.Contracts.Workers;
using Bpm.Engine.Host.Transports.Kafka;
using Bpm.Engine.Host.Transports.MassTransit;
using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bpm.Engine.Host.Transports;

public static class TransportServiceCollectionExtensions
{
    /// <summary>
    /// Wires the message transports named by <c>Bpm:Transports</c>: a dispatcher and a result consumer for
    /// Kafka when it has topics, and a MassTransit bus (RabbitMQ or in-memory) when MassTransit has topics
    /// or <paramref name="needsBus"/> (workers embedded in this process use it, and add their topics to
    /// <paramref name="options"/> before the host starts).
    /// </summary>
    public static IServiceCollection AddBpmTransports(this IServiceCollection services, TransportOptions options, bool needsBus)
    {
        services.AddSingleton(options);
        services.TryAddSingleton<TaskResultApplier>();
        if (options.Kafka.Topics.Count > 0)
        {
            services.AddSingleton<KafkaCluster>();
            services.AddSingleton<KafkaTaskPublisher>();
            services.AddHostedService<KafkaResultConsumer>();
            services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<TaskDispatcher>(sp, sp.GetRequiredService<KafkaTaskPublisher>()));
        }
        if (options.MassTransit.Topics.Count > 0 || needsBus)
        {
            services.AddMassTransit(bus =>
            {
                bus.AddConsumer<TaskResultConsumer>();
                var rabbit = options.MassTransit;
                if (string.IsNullOrWhiteSpace(rabbit.Host))
                {
                    bus.UsingInMemory((context, memory) =>
                        memory.ReceiveEndpoint(WorkerMessages.ResultsQueue, e => e.ConfigureConsumer<TaskResultConsumer>(context)));
                }
                else
                {
                    bus.UsingRabbitMq((context, cfg) =>
                    {
                        cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, host =>
                        {
                            host.Username(rabbit.Username);
                            host.Password(rabbit.Password);
                        });
                        cfg.ReceiveEndpoint(WorkerMessages.ResultsQueue, e => e.ConfigureConsumer<TaskResultConsumer>(context));
                    });
                }
            });
            // Topics may still be added (by embedded workers) before the host starts.
            services.AddSingleton<MassTransitTaskPublisher>();
            services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<TaskDispatcher>(sp, sp.GetRequiredService<MassTransitTaskPublisher>()));
        }
        return services;
    }
}
