using System.Text.Json;
using System.Text.Json.Nodes;
using Bpm.Contracts.Workers;

namespace Bpm.Workers.Sdk;

/// <summary>A task as a handler sees it: its identity, its variables with typed access, and a way to ask for more time.</summary>
public sealed class WorkerTask(TaskActivated activation, Func<TimeSpan, CancellationToken, Task> extendLock)
{
    public TaskActivated Activation { get; } = activation;
    public string Id => Activation.TaskId;
    public string Topic => Activation.Topic;
    public string ProcessInstanceId => Activation.ProcessInstanceId;
    public string? BusinessKey => Activation.BusinessKey;
    public int? Retries => Activation.Retries;
    public int Attempt => Activation.Attempt;
    public JsonObject Variables => Activation.Variables;

    /// <summary>A required variable as <typeparamref name="T"/>; missing or mistyped throws <see cref="TaskVariableException"/>.</summary>
    public T Get<T>(string name) =>
        Variables.TryGetPropertyValue(name, out var node) && node is not null
            ? Convert<T>(name, node)
            : throw new TaskVariableException($"Variable '{name}' is required by task type '{Topic}' but is not set");

    /// <summary>An optional variable; <paramref name="fallback"/> when it is missing or null.</summary>
    public T GetOrDefault<T>(string name, T fallback) =>
        Variables.TryGetPropertyValue(name, out var node) && node is not null ? Convert<T>(name, node) : fallback;

    /// <summary>Pushes the lock's expiry to <paramref name="duration"/> from now, for long work.</summary>
    public Task ExtendLockAsync(TimeSpan duration, CancellationToken cancellationToken) => extendLock(duration, cancellationToken);

    private T Convert<T>(string name, JsonNode node)
    {
        try
        {
            return node.Deserialize<T>(WorkerMessages.Json)
                ?? throw new TaskVariableException($"Variable '{name}' of task type '{Topic}' is null, expected {typeof(T).Name}");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new TaskVariableException($"Variable '{name}' of task type '{Topic}' must be {typeof(T).Name}, was {node.ToJsonString()}", e);
        }
    }
}
