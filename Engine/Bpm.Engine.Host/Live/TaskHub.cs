using Bpm.Engine.Host.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace Bpm.Engine.Host.Live;

/// <summary>
/// Tells connected clients about the user tasks they may see (<c>taskChanged</c>). A connection is authenticated like
/// any API call, by the request that opens it, and hears what its caller may see; its one call, <see cref="Listen"/>,
/// answers once it does (calls are served only after the connection was set up).
/// </summary>
public sealed class TaskHub(TaskNotifier notifier) : Hub
{
    public override async Task OnConnectedAsync()
    {
        var http = Context.GetHttpContext();
        if (http is null || !ApiKeyMiddleware.IsAuthenticated(http))
        {
            // Never take an unknown caller for a machine, which would hear of every task.
            Context.Abort();
            return;
        }
        notifier.Joined(Context.ConnectionId, CallingUser.Of(http));
        await base.OnConnectedAsync();
    }

    /// <summary>Nothing to do: being answered tells the client it is listening.</summary>
    public Task Listen() => Task.CompletedTask;

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        notifier.Left(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
