using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Bpm.Workers.Sdk.Transports.MassTransit;

public static class MassTransitWorkerRegistration
{
    /// <summary>
    /// Adds the MassTransit transport; adds a bus too unless the process has one already (the engine host
    /// embeds its workers on its own bus): RabbitMQ when <c>Bpm:Worker:RabbitMq:Host</c> is set, else in-memory.
    /// </summary>
    public static IServiceCollection AddMassTransitWorkerTransport(this IServiceCollection services, WorkerOptions options)
    {
        services.AddSingleton<IWorkerTransport, MassTransitWorkerTransport>();
        if (services.Any(d => d.ServiceType == typeof(IBus))) return services;
        services.AddMassTransit(bus =>
        {
            if (string.IsNullOrWhiteSpace(options.RabbitMq.Host))
            {
                bus.UsingInMemory();
                return;
            }
            bus.UsingRabbitMq((_, rabbit) => rabbit.Host(options.RabbitMq.Host, options.RabbitMq.Port, options.RabbitMq.VirtualHost, host =>
            {
                host.Username(options.RabbitMq.Username);
                host.Password(options.RabbitMq.Password);
            }));
        });
        return services;
    }
}
