using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;
using Bpm.Contracts.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;

namespace Bpm.Engine.Host.Tests.Infrastructure;

/// <summary>A connection to the engine's task hub, as a live tasklist holds it, keeping what it is told.</summary>
public sealed class TaskFeed : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly HubConnection _connection;
    private readonly Channel<TaskChangedDto> _received = Channel.CreateUnbounded<TaskChangedDto>();

    private TaskFeed(HubConnection connection)
    {
        _connection = connection;
        _connection.On<TaskChangedDto>(TaskHubContract.TaskChanged, change => _received.Writer.TryWrite(change));
    }

    public static Task<TaskFeed> AsUserAsync(Uri engine, string user, string password) => ConnectAsync(engine, o =>
        o.Headers["Authorization"] = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"))).ToString());

    public static Task<TaskFeed> AsMachineAsync(Uri engine, string? actingFor = null) => ConnectAsync(engine, o =>
    {
        o.Headers["x-api-key"] = EngineProcess.ApiKey;
        if (actingFor is not null) o.Headers["x-bpm-user"] = actingFor;
    });

    public static async Task<TaskFeed> ConnectAsync(Uri engine, Action<HttpConnectionOptions> configure)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(engine, TaskHubContract.Path), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                configure(o);
            })
            .Build();
        var feed = new TaskFeed(connection);
        try
        {
            await connection.StartAsync().WaitAsync(Patience);
            await connection.InvokeAsync(TaskHubContract.Listen).WaitAsync(Patience);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        return feed;
    }

    /// <summary>The next change of a process whose key is one of <paramref name="keys"/>; changes of other processes are passed over.</summary>
    public async Task<TaskChangedDto> NextAsync(params string[] keys)
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            while (true)
            {
                var change = await _received.Reader.ReadAsync(timeout.Token);
                if (keys.Contains(change.ProcessDefinitionKey)) return change;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No task change of {string.Join(", ", keys)} arrived within {Patience}");
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
