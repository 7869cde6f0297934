using Bpm.Contracts.Live;
using Bpm.Engine.Storage;
using Microsoft.AspNetCore.Http.Connections;

namespace Bpm.Engine.Host.Live;

/// <summary>The live tasklist: the task hub and what feeds it.</summary>
public static class LiveTasksExtensions
{
    /// <summary>The hub, and on PostgreSQL the relay that carries task changes between the nodes sharing the database.</summary>
    public static IServiceCollection AddBpmLiveTasks(this IServiceCollection services, DatabaseProvider provider)
    {
        services.AddSignalR();
        services.AddSingleton<TaskNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<TaskNotifier>());
        if (provider == DatabaseProvider.PostgreSql) services.AddHostedService<TaskChangeRelay>();
        return services;
    }

    /// <summary>
    /// Maps <see cref="TaskHubContract.Path"/>. WebSockets and server-sent events only: they keep the request that
    /// opened the connection, and with it the caller the API's authentication found.
    /// </summary>
    public static IEndpointRouteBuilder MapBpmLiveTasks(this IEndpointRouteBuilder app)
    {
        app.MapHub<TaskHub>(TaskHubContract.Path, o => o.Transports = HttpTransportType.WebSockets | HttpTransportType.ServerSentEvents);
        return app;
    }
}
