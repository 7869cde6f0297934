using Bpm.Contracts.Live;
using Microsoft.AspNetCore.Http.Connections;

namespace Bpm.Engine.Host.Live;

/// <summary>The live tasklist: the task hub and what feeds it.</summary>
public static class LiveTasksExtensions
{
    public static IServiceCollection AddBpmLiveTasks(this IServiceCollection services)
    {
        services.AddSignalR();
        services.AddSingleton<TaskNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<TaskNotifier>());
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
