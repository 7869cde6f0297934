namespace Bpm.Contracts.Live;

/// <summary>The engine's SignalR hub of user task changes: where it is and what it sends.</summary>
public static class TaskHubContract
{
    /// <summary>Under the engine's root, beside <c>/engine-rest</c>, behind the same keys, users and tokens.</summary>
    public const string Path = "/hubs/tasks";

    /// <summary>The one message, with a <see cref="TaskChangedDto"/>: a task the receiver may see changed.</summary>
    public const string TaskChanged = "taskChanged";

    /// <summary>
    /// The one call a client makes, right after connecting: it returns once the hub counts the connection among its
    /// listeners, so that no change committed after it is missed.
    /// </summary>
    public const string Listen = "Listen";
}
