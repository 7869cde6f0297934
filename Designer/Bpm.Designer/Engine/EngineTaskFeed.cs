using Bpm.Contracts.Live;
using Bpm.Designer.People;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Options;

namespace Bpm.Designer.Engine;

/// <summary>
/// The engine's task hub (SignalR), reached from the designer's server with the designer's key and acting for the
/// page's user, so the engine tells only of that user's tasks. It reconnects by itself after a dropped connection.
/// </summary>
public sealed class EngineTaskFeed(IEngineAddress engine, IOptions<DesignerOptions> options, CurrentUser user) : ITaskFeed
{
    public async Task<IAsyncDisposable> SubscribeAsync(Func<TaskChangedDto, Task> changed, Func<Task> missed, CancellationToken ct = default)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(engine.BaseAddress, TaskHubContract.Path.TrimStart('/')), o =>
            {
                o.Transports = HttpTransportType.WebSockets | HttpTransportType.ServerSentEvents;
                o.Headers[DesignerExtensions.ApiKeyHeader] = options.Value.ApiKey ?? "";
                foreach (var (name, value) in EngineClient.ActingHeaders(user)) o.Headers[name] = value;
            })
            .WithAutomaticReconnect()
            .Build();
        connection.On(TaskHubContract.TaskChanged, changed);
        connection.Reconnected += _ => missed();
        try
        {
            await connection.StartAsync(ct);
            await connection.InvokeAsync(TaskHubContract.Listen, ct);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        return connection;
    }
}
