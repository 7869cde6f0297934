using Bpm.Contracts.Live;

namespace Bpm.Designer.Engine;

/// <summary>News of the tasks the signed-in user may see, as the engine tells them.</summary>
public interface ITaskFeed
{
    /// <summary>
    /// Calls <paramref name="changed"/> for each change, and <paramref name="missed"/> when news may have been lost (the
    /// connection dropped and came back), until the returned subscription is disposed.
    /// </summary>
    Task<IAsyncDisposable> SubscribeAsync(Func<TaskChangedDto, Task> changed, Func<Task> missed, CancellationToken ct = default);
}
