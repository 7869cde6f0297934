namespace Bpm.Contracts.Live;

/// <summary>The engine's SignalR hub of user task changes: where it is and what it sends.</summary>
public static class TaskHubContract
{
    /// <summary>Under the engine's root, beside <c>/engine-rest</c>, behind the same keys, users and tokens.</summary>
    public const string Path = "/hubs/tasks";

    /// <summary>The one message, with a <see cref="TaskChangedDto"/>: a task the receiver may see changed.</summary>
    public const string TaskChanged = "taskChanged";
}
