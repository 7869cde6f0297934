using System.Text.Json;

namespace Bpm.Contracts.Workers;

/// <summary>
/// Names shared by the engine and the worker pools: message version, Kafka topics, RabbitMQ queues and the
/// type header that tells results apart on one topic.
/// </summary>
public static class WorkerMessages
{
    public const int Version = 1;

    /// <summary>The Kafka topic and the message header that names a result's type.</summary>
    public const string ResultsTopic = "bpm.task-results";
    public const string TypeHeader = "bpm-type";

    /// <summary>The queue the engine consumes results from over MassTransit.</summary>
    public const string ResultsQueue = "bpm-task-results";

    /// <summary>Kafka topic of a task type: <c>bpm.tasks.sync-users</c>.</summary>
    public static string TasksTopic(string topic) => "bpm.tasks." + topic;

    /// <summary>RabbitMQ queue of a task type: <c>bpm-tasks-sync-users</c>.</summary>
    public static string TasksQueue(string topic) => "bpm-tasks-" + topic;

    /// <summary>Kafka consumer group of a worker pool.</summary>
    public static string WorkerGroup(string topic) => "bpm-workers." + topic;

    /// <summary>The JSON of every worker message: camelCase, ISO dates.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public static string TypeName(TaskResult result) => result switch
    {
        TaskCompleted => "task-completed.v1",
        TaskFailed => "task-failed.v1",
        TaskBpmnErrorThrown => "task-bpmn-error.v1",
        TaskLockExtended => "task-lock-extended.v1",
        TaskReleased => "task-released.v1",
        _ => throw new ArgumentException($"Unknown task result {result.GetType().Name}", nameof(result)),
    };

    /// <summary>Reads a result by its type header; an unknown type or malformed body throws <see cref="JsonException"/>.</summary>
    public static TaskResult ReadResult(string typeName, ReadOnlySpan<byte> json) => typeName switch
    {
        "task-completed.v1" => (TaskResult?)JsonSerializer.Deserialize<TaskCompleted>(json, Json),
        "task-failed.v1" => JsonSerializer.Deserialize<TaskFailed>(json, Json),
        "task-bpmn-error.v1" => JsonSerializer.Deserialize<TaskBpmnErrorThrown>(json, Json),
        "task-lock-extended.v1" => JsonSerializer.Deserialize<TaskLockExtended>(json, Json),
        "task-released.v1" => JsonSerializer.Deserialize<TaskReleased>(json, Json),
        _ => throw new JsonException($"Unknown task result type '{typeName}'"),
    } ?? throw new JsonException($"Task result of type '{typeName}' is empty");
}
