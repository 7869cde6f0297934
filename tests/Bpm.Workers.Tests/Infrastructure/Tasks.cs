using System.Text.Json.Nodes;
using Bpm.Contracts.Workers;
using Bpm.Workers.Sdk;

namespace Bpm.Workers.Tests.Infrastructure;

/// <summary>Builds the task a handler receives, as a transport would deliver it.</summary>
public static class Tasks
{
    public static WorkerTask Create(string topic, JsonObject variables, string activityId = "task", string? businessKey = null, List<TimeSpan>? extensions = null) =>
        new(new TaskActivated
        {
            TaskId = "task-" + Guid.NewGuid().ToString("N")[..8],
            Topic = topic,
            LockToken = "lock-1",
            LockExpiration = DateTimeOffset.UtcNow.AddMinutes(1),
            ProcessInstanceId = "pi-" + Guid.NewGuid().ToString("N")[..8],
            ProcessDefinitionId = "def:1",
            ProcessDefinitionKey = "def",
            ActivityId = activityId,
            BusinessKey = businessKey,
            Retries = 2,
            Variables = variables,
        }, (duration, _) =>
        {
            extensions?.Add(duration);
            return Task.CompletedTask;
        });

    public static JsonObject Completed(TaskOutcome outcome) =>
        Assert.IsType<TaskOutcome.Completed>(outcome).Variables ?? [];

    public static TaskOutcome.Failed Failed(TaskOutcome outcome) => Assert.IsType<TaskOutcome.Failed>(outcome);
}
