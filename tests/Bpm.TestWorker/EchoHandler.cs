using Bpm.Workers.Sdk;

namespace Bpm.TestWorker;

/// <summary>
/// Doubles <c>amount</c> (a number; anything else is a poison task). Variables steer it: <c>sleepMs</c> delays
/// every task, <c>slowWorker</c> names a worker that takes a minute, <c>errorCode</c> throws that BPMN error.
/// </summary>
public sealed class EchoHandler(WorkerOptions options) : ITaskHandler, IActivity
{
    public static ActivityDescriptor Activity { get; } = new(
        "echo",
        "Echo",
        "Doubles an amount; for tests",
        Inputs: [new ActivityField("amount", "Amount", ActivityFieldType.Number, Required: true)],
        Outputs: [new ActivityField("doubled", "Doubled amount")],
        Category: "Tests");

    public async Task<TaskOutcome> HandleAsync(WorkerTask task, CancellationToken cancellationToken)
    {
        var amount = task.GetOrDefault<decimal>("amount", 0);
        Console.WriteLine($"started {task.Id} attempt {task.Attempt}");
        var sleep = task.GetOrDefault("sleepMs", 0) + (task.GetOrDefault<string?>("slowWorker", null) == options.WorkerId ? 60_000 : 0);
        if (sleep > 0) await Task.Delay(sleep, cancellationToken);
        if (task.GetOrDefault<string?>("errorCode", null) is { } code) return TaskOutcome.BpmnError(code, "asked for by the test");
        Console.WriteLine($"handled {task.Id} attempt {task.Attempt}");
        return TaskOutcome.Complete(new { doubled = amount * 2, handledBy = options.WorkerId, attempt = task.Attempt });
    }
}
